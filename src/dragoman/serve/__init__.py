"""`dragoman serve`: a local web workbench over a store (see `dragoman.serve.app`)."""
