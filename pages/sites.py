"""Sites: first version."""

from components.data import get_dataset
from components.page import page_header, source_footer

page_header("sites")
dataset = get_dataset()
source_footer()
