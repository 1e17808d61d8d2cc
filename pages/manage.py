"""Manage data, for the data owners only: upload, review, publish, edit one company, history, roll back."""

from components.access import editor_gate
from components.page import page_header

page_header("manage")
editor = editor_gate()
