"""What the place tests share: the publication day of their texts, the distance between two
points, and the places the pipeline finds in a text."""

from __future__ import annotations

import math

from dragoman.pipeline import Pipeline
from dragoman.records import Article

PUBLISHED = "2024-03-22"


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    rad = math.pi / 180
    h = (
        math.sin((lat2 - lat1) * rad / 2) ** 2
        + math.cos(lat1 * rad) * math.cos(lat2 * rad) * math.sin((lon2 - lon1) * rad / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(h))


def places_of(pipeline: Pipeline, text: str):
    return pipeline.analyse(Article(id="t", text=text, published=PUBLISHED)).places
