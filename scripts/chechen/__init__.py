"""The Chechen language as the site writes it.

palochka   the palochka Ӏ (U+04C0) and the look-alikes typed in its place
alphabet   alphabetical order with Chechen's digraph letters
"""
