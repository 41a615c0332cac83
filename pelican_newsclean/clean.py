"""The pipeline: text -> blocks -> repaired blocks -> decisions -> CleanResult."""
# (first version: being written)
