"""Former name of search_evaluate, kept so that existing notes and scripts keep working."""

from search.management.commands.search_evaluate import Command as SearchEvaluate


class Command(SearchEvaluate):
    pass
