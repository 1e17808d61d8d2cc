"""Reusable Streamlit UI pieces: data access for pages, filter panel, page frame, cards, tiles."""
