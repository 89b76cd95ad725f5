"""The workbench's fusion corrections: POST forms only with --allow-edits, each checked
against the server's token; without the flag every POST is refused and the store read-only."""

import re

import pytest
from starlette.testclient import TestClient

from dragoman.serve.app import create_app
from dragoman.store import Store

from serve_store import build


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return build(tmp_path_factory.mktemp("edits") / "demo.db")


def _token(html: str) -> str:
    return re.search(r'name="token" value="([^"]+)"', html).group(1)


def test_read_only_refuses_every_post_and_offers_no_form(store_path):
    with TestClient(create_app(str(store_path))) as client:
        html = client.get("/fused/seed%23E1").text
        assert "<form" not in html and 'name="token"' not in html
        for path in ("/fused/seed%23E1/split", "/fused/seed%23E1/merge", "/fused/seed%23E1", "/stories", "/story/S:seed"):
            response = client.post(path, data={"article_id": "seed", "event_id": "E2", "other": "seed#E3"})
            assert response.status_code == 405, path
    with Store.open(str(store_path), create=False, read_only=True) as store:
        assert len(store.fused_event("seed#E1").mentions) == 3  # untouched


def test_edits_split_and_merge_with_the_servers_token(store_path):
    with TestClient(create_app(str(store_path), allow_edits=True)) as client:
        html = client.get("/fused/seed%23E1").text
        token = _token(html)
        assert 'action="/fused/seed%23E1/split"' in html and 'action="/fused/seed%23E1/merge"' in html
        # the other outlet's mention (not the founding one)
        second = next(m for m in client.get("/fused/seed%23E1?format=json").json()["mentions"]
                      if m["article_id"] != "seed")
        wanted = {"article_id": second["article_id"], "event_id": second["event_id"]}

        for forged in ({}, {"token": "guessed"}, {"token": token[:-1]}):
            response = client.post("/fused/seed%23E1/split", data={**wanted, **forged}, follow_redirects=False)
            assert response.status_code == 403
        assert len(client.get("/fused/seed%23E1?format=json").json()["mentions"]) == 3  # the seed's two and the other's

        split = client.post("/fused/seed%23E1/split", data={**wanted, "token": token}, follow_redirects=False)
        new_id = f"{second['article_id']}#{second['event_id']}"
        assert split.status_code == 303 and split.headers["location"] == "/fused/" + new_id.replace("#", "%23")
        assert [m["event_id"] for m in client.get("/fused/seed%23E1?format=json").json()["mentions"]] == ["E1", "E4"]
        alone = client.get(split.headers["location"] + "?format=json").json()
        assert alone["mentions"][0]["evidence"] == ["correction:split-by-user"]

        merged = client.post("/fused/seed%23E1/merge", data={"other": new_id, "token": token}, follow_redirects=False)
        assert merged.status_code == 303 and merged.headers["location"] == "/fused/seed%23E1"
        back = client.get("/fused/seed%23E1?format=json").json()["mentions"]
        rejoined = next(m for m in back if m["article_id"] == second["article_id"])
        assert len(back) == 3 and rejoined["evidence"] == ["correction:merged-by-user"]
        assert client.get("/fused/" + new_id.replace("#", "%23")).status_code == 404

        missing = client.post("/fused/seed%23E1/merge", data={"other": "nothing#E1", "token": token})
        assert missing.status_code == 400 and "nothing#E1" in missing.text
        itself = client.post("/fused/seed%23E1/merge", data={"other": "seed#E1", "token": token})
        assert itself.status_code == 400
    with Store.open(str(store_path), create=False, read_only=True) as store:
        assert len(store.fused_event("seed#E1").mentions) == 3  # written to the store


def test_each_server_has_its_own_token(store_path):
    tokens = []
    for _ in range(2):
        with TestClient(create_app(str(store_path), allow_edits=True)) as client:
            tokens.append(_token(client.get("/fused/seed%23E1").text))
    assert tokens[0] != tokens[1] and len(tokens[0]) >= 32


def test_story_edits_move_and_merge_with_the_servers_token(tmp_path):
    path = build(tmp_path / "demo.db")
    with TestClient(create_app(str(path))) as client:
        assert "<form" not in client.get("/story/S:seed").text
        assert client.post("/story/S:seed/merge", data={"other": "S:hostile"}).status_code == 405
    with TestClient(create_app(str(path), allow_edits=True)) as client:
        story = client.get("/story/S:seed?format=json").json()
        token = _token(client.get("/story/S:seed").text)
        moved = next(a["id"] for a in story["article_list"] if a["id"] != "seed")  # not the founder
        wanted = {"article_id": moved, "to": ""}
        assert client.post("/story/S:seed/move", data={**wanted, "token": "guessed"}).status_code == 403

        response = client.post("/story/S:seed/move", data={**wanted, "token": token}, follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"] == f"/story/S%3A{moved}"
        assert [a["id"] for a in client.get(f"/story/S:{moved}?format=json").json()["article_list"]] == [moved]
        assert moved not in [a["id"] for a in client.get("/story/S:seed?format=json").json()["article_list"]]

        merged = client.post("/story/S:seed/merge", data={"other": f"S:{moved}", "token": token},
                             follow_redirects=False)
        assert merged.status_code == 303 and merged.headers["location"] == "/story/S%3Aseed"
        # the id merged away leads to the story it joined
        assert client.get(f"/story/S:{moved}?format=json").json()["id"] == "S:seed"
        assert client.get("/story/S:nothing-here").status_code == 404
        elsewhere = client.post("/story/S:hostile/move", data={"article_id": moved, "token": token})
        assert elsewhere.status_code == 400 and "no article" in elsewhere.text
    with Store.open(str(path), create=False, read_only=True) as store:
        assert store.story_of(moved) == "S:seed"  # written to the store
