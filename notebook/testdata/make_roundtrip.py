"""Writes roundtrip.ipynb with nbformat's own writer (Debian python3-nbformat).

The notebook exercises what Read/Write must keep: multi-line and Unicode text,
carriage returns, MIME bundles of every kind, attachments, raw cells, numbers
in metadata, and cells without outputs. Run: /usr/bin/python3 make_roundtrip.py
"""
import nbformat
from nbformat.v4 import (new_code_cell, new_markdown_cell, new_notebook,
                         new_output, new_raw_cell)

PNG = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGA"
       "hKmMIQAAAABJRU5ErkJggg==\n")

nb = new_notebook(metadata={
    "kernelspec": {"display_name": "Go (tunebook)", "language": "go", "name": "tunebook"},
    "custom": {"ratio": 1.0, "small": 1e-05, "big": 12345678901234567890, "flag": True,
               "none": None, "list": [1, 2.5, "x"]},
    "title": "Round trip — ünïcödé",
})
nb.cells = [
    new_markdown_cell("# Heading\n\nSome *text* and ![dot](attachment:dot.png)\n",
                      attachments={"dot.png": {"image/png": PNG}}, id="md-1"),
    new_code_cell("x := 1\nfmt.Println(x)", id="code-1", execution_count=1, outputs=[
        new_output("stream", name="stdout", text="1\nzwei ünïcödé\n"),
        new_output("stream", name="stderr", text="10%\r50%\r100%\n"),
        new_output("display_data", data={
            "text/html": "<div id=\"c\">\n<script>var a = 1 < 2 && 3 > 2;</script>\n</div>",
            "text/plain": "<chart>",
            "image/png": PNG,
        }, metadata={"image/png": {"width": 640, "height": 480}}),
        new_output("execute_result", execution_count=1, data={
            "application/json": {"a": [1, 2], "b": {"c": None}},
            "application/vnd.custom+json": {"k": "v"},
            "text/plain": "map[a:[1 2]]",
            "image/svg+xml": "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<circle r=\"1\"/>\n</svg>\n",
        }),
        new_output("error", ename="panic", evalue="boom",
                   traceback=["\x1b[0;31mpanic\x1b[0m: boom", "goroutine 1 [running]:"]),
    ], metadata={"tags": ["setup"], "collapsed": False}),
    new_code_cell("", id="code-2"),
    new_raw_cell("<b>raw</b>", metadata={"raw_mimetype": "text/html"}, id="raw-1"),
]
nbformat.validate(nb)
nbformat.write(nb, "roundtrip.ipynb")
