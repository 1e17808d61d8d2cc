"""Domain code of the Luxembourg HealthTech Atlas: loading, validation, filtering, geography.

Nothing in this package imports Streamlit, so all of it is unit tested directly.
"""
