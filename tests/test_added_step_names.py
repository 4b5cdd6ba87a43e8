"""Action steps added to one job in one run are named apart (Azure/azure-kusto-python's two projects, the
golden case monorepo-two-projects-folders): each is named against the job as it was, so both met one free name."""
from __future__ import annotations

from codemods.engine.edits import Insert, Set
from codemods.publishers.to_action import names_apart

STEPS = ("jobs", "publish", "steps")


def _step(folder=None, name="Publish to PyPI"):
    step = {"name": name, "uses": "pypa/gh-action-pypi-publish@release/v1"}
    if folder:
        step["with"] = {"packages-dir": folder}
    return step


def _names(edits):
    return [e.value["name"] for e in names_apart(edits) if isinstance(e, Insert)]


def test_two_added_steps_of_one_job_are_named_by_their_folders() -> None:
    edits = [Insert(STEPS, 3, _step("./azure-kusto-data/dist/")), Set(("x",), 1),
             Insert(STEPS, 6, _step("./azure-kusto-ingest/dist/"))]
    assert _names(edits) == ["Publish azure-kusto-data to PyPI", "Publish azure-kusto-ingest to PyPI"]
    assert [type(e) for e in names_apart(edits)] == [Insert, Set, Insert]  # in place, nothing else touched
    assert list(names_apart(edits)[0].value) == ["name", "uses", "with"]  # the keys keep their order


def test_numbered_where_the_folders_do_not_tell_them_apart() -> None:
    assert _names([Insert(STEPS, 2, _step()), Insert(STEPS, 5, _step())]) == ["Publish to PyPI (1)",
                                                                           "Publish to PyPI (2)"]
    assert _names([Insert(STEPS, 2, _step("dist/")), Insert(STEPS, 5, _step("${{ matrix.dir }}/dist"))]) == \
        ["Publish to PyPI (1)", "Publish to PyPI (2)"]


def test_one_step_per_job_or_other_names_stay() -> None:
    edits = [Insert(STEPS, 2, _step("a/dist")), Insert(("jobs", "other", "steps"), 2, _step("b/dist")),
             Insert(STEPS, 4, _step("c/dist", name="Publish to TestPyPI"))]
    assert _names(edits) == ["Publish to PyPI", "Publish to PyPI", "Publish to TestPyPI"]
