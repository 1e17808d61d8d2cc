"""About the data: first version."""

from components.data import get_dataset
from components.page import page_header, source_footer

page_header("about")
dataset = get_dataset()
source_footer()
