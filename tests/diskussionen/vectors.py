from pathlib import Path

CORPUS = Path(__file__).parent / "xss_vectors.txt"


def xss_vectors():
    """The corpus: one vector per line, comments start with "#", a literal "\\n" is a line break."""
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return [line.replace("\\n", "\n") for line in lines if line.strip() and not line.startswith("#")]
