"""Overview: first version (the insights issue completes the figures)."""

from components.data import get_dataset
from components.page import page_header, source_footer

page_header("overview")
dataset = get_dataset()
source_footer()
