# Reads each page of a PDF with pdfminer.six, an independent content-stream interpreter, and says for every piece
# of painted content (text, path, image) which marked-content sequences it sits in: the tag names from the outside
# in (e.g. ["NonStruct"] or ["Artifact"]) and the innermost MCID. Consecutive text in the same sequences is joined.
# Unbalanced EMCs are counted, not hidden. Prints one JSON document:
#   {"pages": [[{"kind": "text"|"path"|"image", "tags": [...], "mcid": n|null, "text": "..."}]], "unbalanced": n}
import json
import sys

from pdfminer.pdfdevice import PDFDevice
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage


class MarkedContent(PDFDevice):
    def __init__(self, rsrcmgr):
        PDFDevice.__init__(self, rsrcmgr)
        self.pages = []
        self.stack = []
        self.unbalanced = 0

    def begin_page(self, page, ctm):
        self.pages.append([])
        self.stack = []

    def begin_tag(self, tag, props=None):
        mcid = props.get("MCID") if isinstance(props, dict) else None
        self.stack.append((tag.name, mcid))

    def end_tag(self):
        if self.stack:
            self.stack.pop()
        else:
            self.unbalanced += 1

    def _add(self, kind, text=""):
        tags = [name for name, _ in self.stack]
        mcids = [mcid for _, mcid in self.stack if mcid is not None]
        mcid = mcids[-1] if mcids else None
        runs = self.pages[-1]
        if kind == "text" and runs and runs[-1]["kind"] == "text" and runs[-1]["tags"] == tags and runs[-1]["mcid"] == mcid:
            runs[-1]["text"] += text
        else:
            runs.append({"kind": kind, "tags": tags, "mcid": mcid, "text": text})

    def render_string(self, textstate, seq, ncs, graphicstate):
        font = textstate.font
        text = ""
        for obj in seq:
            if not isinstance(obj, bytes):
                continue
            for cid in font.decode(obj):
                try:
                    text += font.to_unichr(cid)
                except PDFUnicodeNotDefined:
                    text += "\ufffd"
        self._add("text", text)

    def paint_path(self, graphicstate, stroke, fill, evenodd, path):
        if stroke or fill:
            self._add("path")

    def render_image(self, name, stream):
        self._add("image")


def read(file):
    manager = PDFResourceManager()
    device = MarkedContent(manager)
    interpreter = PDFPageInterpreter(manager, device)
    with open(file, "rb") as handle:
        for page in PDFPage.get_pages(handle):
            interpreter.process_page(page)
    return {"pages": device.pages, "unbalanced": device.unbalanced}


if __name__ == "__main__":
    print(json.dumps(read(sys.argv[1]), ensure_ascii=False))
