"""Map: first version (the map issue builds it out)."""

from atlas.filters import apply_filters
from components.data import get_dataset
from components.filter_panel import filter_panel
from components.page import count_sentence, page_header, source_footer

page_header("map")
dataset = get_dataset()
filters = filter_panel()
shown = apply_filters(dataset.companies, filters)
count_sentence(len(shown), len(dataset.companies))
source_footer()
