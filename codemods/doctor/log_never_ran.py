"""A publish that never started on a CI, told by the CI's own skip line or in a sentence: a deployer that skipped for a
condition, tags pushed together that start no build, a release published from a draft that fires no `created`.

Nothing reached the index in any of them, so no credential, file or URL of PyPI is in question: the reading names
what kept the publish from starting and publishing the missed version from its tag.
"""
from __future__ import annotations

import re
from typing import Optional, Tuple

# a CI deployer's own line naming why it skipped the deploy (Travis's `Skipping a deployment with the pypi provider
# because this is not a tagged commit`, `… because a custom condition was not met`, `… this branch is not permitted`)
DEPLOY_SKIPPED = re.compile(r"\bSkipping a deployment with the [\w-]{1,30} provider because ([^\n\"`]{1,160})", re.I)
_NOT_TAGGED = re.compile(r"\bnot a tagged commit\b|\bno tag\b", re.I)
_CONDITION = re.compile(r"\bcustom condition\b|\bcondition\b", re.I)
_BRANCH = re.compile(r"\bbranch\b", re.I)
# more tags pushed at once than a CI starts builds for (GitHub makes no push event for more than three tags in one
# push; Travis likewise, travis-ci/travis-ci#9690), told as why the deploy never ran
TAGS_TOGETHER = re.compile(r"\bpush\w{0,3}\b[^.\n]{0,60}?\b(?:more than|over)\s(?:\w{1,6}|\d{1,3})\stags\b[^.\n]{0,60}?"
                           r"\b(?:(?:will|would|does|do|did)\s?n[o’']?t|never|won[’']t)\s(?:\w+\s)?(?:trigger|start|run|"
                           r"create)\w{0,3}\b|\b(?:more than|over)\s(?:\w{1,6}|\d{1,3})\stags\b[^.\n]{0,40}?\b(?:at once|"
                           r"in one push|together|at the same time)\b[^.\n]{0,60}?\b(?:no|not|never)\b[^.\n]{0,20}?"
                           r"\b(?:builds?|workflows?|runs?|events?|pipelines?)\b", re.I)
# a release made as a draft and then published, told beside a workflow triggered on the release's `created` type:
# publishing a draft fires `published`, not `created`
_DRAFT = re.compile(r"\bdraft\w{0,3}\b|--draft\b", re.I)
_CREATED_TYPE = re.compile(r"\btypes:\s?\[?\s?['\"]?created\b|\brelease\W{0,3}\s?created\b|\bcreated\W{0,2}\s(?:event|type|"
                           r"trigger|activity)\b", re.I)
_NOT_RUN = re.compile(r"\b(?:did|does|do|was|were)\s?n[o’']?t\s(?:\w+\s)?(?:run|trigger\w{0,3}|fire|start|kick)\b|"
                      r"\bnever\s(?:\w+\s)?(?:ran|run|triggered|fired|started)\b|\bnot (?:triggered|fired)\b", re.I)

# a publish job's plain `if:` told as why it was skipped: GitHub adds an implied `success()`, false when any job it
# needs, directly or through others, was skipped (or failed), even where the `if:` itself holds
IMPLIED_SUCCESS = re.compile(r"\bimpli\w{1,5}\s(?:job-level\s)?`?success\(\)|\bsuccess\(\)`?\s(?:is\s)?impli\w{1,4}\b|"
                             r"\btransitive\w{0,2}\s(?:\w+\s)?(?:ancestors?|needs|dependenc\w{1,3}|jobs?)\b[^.\n]{0,60}?\bskipped\b",
                             re.I)
IMPLIED_SUCCESS_FIX = ("A job's `if:` without a status function implies `success()`, which is false when any job it "
                       "needs, directly or through another, was skipped, so the publish job was skipped though its own "
                       "condition held: gate it on `!cancelled()` (or `always()`) and the results it needs "
                       "(`if: ${{ !cancelled() && needs.build.result == 'success' }}`), then publish the version that "
                       "was missed from its tag (re-run the release, or dispatch the publish). PyPI refused nothing.")
# the step's own `if:` told (or quoted) as what did not match ("skipped because `if: startsWith(github.event.ref, …)`
# didn't match"): the condition tests something the triggering event does not have, no job before it failed
CONDITION_UNMET = re.compile(r"\bskipped\b[^\n]{0,40}?(?:`?\bif:|\b(?:its|the|an?)\s(?:`?if`?\s)?condition\b)", re.I)
CONDITION_UNMET_FIX = ("The step's `if:` did not match the event that ran the workflow, so the upload was skipped: test "
                       "the event itself (`github.event_name == 'release'`, or `startsWith(github.ref, 'refs/tags/')`, "
                       "which holds for a release too; `github.event.ref` is a push event's field and is absent from a "
                       "release's payload), then publish the skipped version from its tag. PyPI refused nothing.")
SKIPPED_TITLE = "The CI's deployer skipped the publish: {}"
NOT_TAGGED_FIX = ("The deploy runs only for a tagged commit (`on: tags: true`) and this build's commit had no tag: push "
                  "the release tag (`git push origin <tag>`; a tag made locally is not pushed by `git push`), which "
                  "starts a build that deploys; nothing reached PyPI and no credential is in question.")
CONDITION_FIX = ("The deploy's condition (`on:` with `condition:`, `python:` or a job it is bound to) did not hold for "
                 "this build: a deploy bound to one job or Python version runs only there, and not when that job "
                 "fails. Bind it to a job that passes (or fix the one it names), then publish the missed version from "
                 "its tag (re-push the tag or upload those files by hand); PyPI refused nothing.")
BRANCH_FIX = ("The deploy is limited to other branches (`on: branch:`; a tag build's branch is the tag, so use "
              "`on: tags: true` or `all_branches: true` for tag deploys), then publish the missed version from its "
              "tag; PyPI refused nothing.")
OTHER_SKIP_FIX = ("The deploy's own conditions (its `on:` settings) did not hold for this build, so nothing was "
                  "uploaded: make them match the build that should publish, then publish the missed version from its "
                  "tag; PyPI refused nothing.")
TAGS_TITLE = "The publish never ran: tags pushed together start no build"
TAGS_FIX = ("A push of more than three tags at once starts no build (GitHub makes no push event for it, Travis no "
            "build): push each tag on its own as it is made (`git push origin <tag>`, not `git push --tags` of many), "
            "and re-push (or delete and push again) the tag whose publish was missed; check the upload URL is "
            "`https://upload.pypi.org/legacy/` while there. Nothing reached PyPI.")
DRAFT_TITLE = "The publish workflow never ran: a draft release published fires `published`, not `created`"
DRAFT_FIX = ("Trigger the publish workflow on `release: types: [published]` (fired when a release is published, a "
             "draft's publication included; `created` fires for a release made undrafted or a draft saved), or make "
             "the release undrafted; run the workflow by hand (`workflow_dispatch`) for the version that was missed. "
             "Nothing reached PyPI.")

# a release gate (a step or job that waits for other checks to pass) told as waiting on a check name that no job
# reports, a matrix job reporting as `name (value)` (aitjcize/cppman #199: "The gate waited on a check named `test` while
# the matrix job reports as `test (3.12)`"), beside a release told as never made: the gate never passed
GATE_CHECK_NAME = re.compile(r"(?:\b(?:gates?|wait(?:ed|s|ing)?\s(?:on|for))\b[^.\n]{0,60}?\bchecks?\b|"
                             r"\brequired\s(?:status\s)?checks?\b)[^.\n]{0,100}?\b(?:matrix|reports?\s(?:as\s)?`?[\w.-]{1,40}\s\(|named\s(?:differently|"
                             r"otherwise))", re.I)
_NEVER_RELEASED = re.compile(r"\bnever\s(?:\w+\s)?(?:pushed|published|uploaded|released|made|created|ran|run)\b|"
                             r"\b(?:was|were)(?:n[’']t|\snot)\s(?:pushed|published|uploaded|released)\b", re.I)
GATE_TITLE = "The release gate waited for a check name no job reports, so the publish never ran"
GATE_FIX = ("The gate waits for a check by a name that no job reports: a matrix job reports one check per entry, named "
            "`job (value)` (`test (3.12)`), never the bare job name, so the gate never passed. Wait on the full reported "
            "names (every matrix entry's) or match them by a pattern, then release the missed version from its tag. "
            "PyPI refused nothing.")

# the CI's pipeline told as not authorized, enabled or allowed to run for the repository (jaraco/tempora #13: "the Azure
# pipelines weren't authorized to run"): the release job never started, so the tag never reached the index
CI_NOT_AUTHORIZED = re.compile(r"\b(?:pipelines?|workflows?|actions|CI|builds?|jobs?|app)\s(?:\w+\s)?(?:was|were|is|are|had|"
                               r"has|have)(?:n[’']t|\snot)\s(?:been\s)?(?:authori[sz]ed|enabled|allowed|approved|"
                               r"permitted)\s(?:to\s(?:run|build|start|trigger)|for\s(?:this|the)\s(?:repo\w{0,6}|project))\b",
                               re.I)
CI_NOT_AUTHORIZED_TITLE = "The CI pipeline was not authorized to run, so the release job never ran"
CI_NOT_AUTHORIZED_FIX = ("Authorize or enable the CI's pipeline for the repository (Azure Pipelines: grant the pipeline "
                         "access to the repository and its resources; GitHub Actions: enable Actions or approve the "
                         "workflows), then re-run it for the tag so the missed version is published. Nothing reached "
                         "PyPI and no credential is in question.")


def never_ran(whole: str) -> Optional[Tuple[str, int, str, str]]:
    """(finding id, offset in the text, title, fix) of a publish the text says never started, or None."""
    skip = DEPLOY_SKIPPED.search(whole)
    if skip:
        why = skip.group(1).strip().rstrip(".")
        fix = NOT_TAGGED_FIX if _NOT_TAGGED.search(why) else CONDITION_FIX if _CONDITION.search(why) else \
            BRANCH_FIX if _BRANCH.search(why) else OTHER_SKIP_FIX
        return "log-publish-skipped", skip.start(), SKIPPED_TITLE.format(why), fix
    tags = TAGS_TOGETHER.search(whole)
    if tags:
        return "log-workflow-not-triggered", tags.start(), TAGS_TITLE, TAGS_FIX
    for told in re.split(r"(?<=[.!?])\s+(?=[A-Z`\"'(])|\n\s*\n", whole):
        if _DRAFT.search(told) and _CREATED_TYPE.search(told) and _NOT_RUN.search(told):
            return "log-workflow-not-triggered", whole.find(told), DRAFT_TITLE, DRAFT_FIX
    unauthorized = CI_NOT_AUTHORIZED.search(whole)
    if unauthorized:
        return "log-workflow-not-triggered", unauthorized.start(), CI_NOT_AUTHORIZED_TITLE, CI_NOT_AUTHORIZED_FIX
    gate = GATE_CHECK_NAME.search(whole)
    if gate and _NEVER_RELEASED.search(whole):
        return "log-publish-skipped", gate.start(), GATE_TITLE, GATE_FIX
    return None
