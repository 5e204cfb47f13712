"""The Streamlit pieces that ``app.py`` assembles: form, draft cards, heat map, sidebar, tabs.

Pure parts (``state``, ``highlight``, ``suggest``, ``recovery``, ``heatmap`` data) are unit
tested; the rest is exercised through ``streamlit.testing`` and the browser test.
"""
