"""What a person wrote about a failed release, read as the cause where no tool's text is in the paste.

Each pattern reads a sentence (a cause told in prose, the fix that worked): `said_cause` picks the one told and
`said_fixed` whether the text says it was fixed after. The readings that take such a sentence beside a tool's line are
here too: a tag variable left unexpanded, a third-party publish action told fixed by its newer release, twine check's
missing Markdown renderer, a misspelt content-type key.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional, Tuple

from codemods.doctor import logtext
from codemods.doctor.log_patterns import NO_TRIGGER, RX, UPLOAD_URL
from codemods.doctor.log_servers import OTHER_REGISTRY, PROMPT, PYPI_NAMED
from codemods.doctor.log_types import LogFinding


# a .tar.gz and a .zip sdist of one version, named together
TWO_SDISTS = re.compile(r"\btar\.gz\W{0,4}\s(?:and|or|plus|&)\s\W{0,4}\.?zip\b|\bzip\W{0,4}\s(?:and|or|plus|&)\s\W{0,4}\.?tar\.gz\b",
                        re.I)


# inside one sentence: any character but the full stop that ends it (the dots of `4.0.2` or `setup.py` are no end);
# the patterns below reach across words with `IN_SENTENCE + r"{0,40}?"`, never past a sentence's end
IN_SENTENCE = r"(?:[^.]|\.(?=\w))"

# A failure told in a sentence: one that speaks of PyPI or the upload and says it failed, read by what it names.
# The words are classes, not phrases: what PyPI, twine, uv, poetry, pdm, hatch, flit, maturin and the publish action
# print ("failed", "rejected", "refused", "not allowed", "Forbidden", "Conflict", "too large") and how people retell
# it ("PyPI blocks uploads that…", "won't be able to", "didn't go through", "is hitting the limit", "collides with").
_ABOUT_UPLOAD = re.compile(r"\bpypi\b|\btwine\b|\b(?:upload|publish|push|deploy)\w{0,4}\b|"
                           r"\b(?:uv|poetry|pdm|hatch|flit|maturin) publish\b", re.I)
# a release job, workflow or pipeline told as what failed: it may also be a GitHub release, a tag, a Docker image, so
# a sentence that names only it is read for the objects only an upload to PyPI has (the README, a local version, a
# classifier…), not for an existing version, a name, credentials or a URL (`_Said.upload_named`)
_ABOUT_RELEASE = re.compile(r"\breleas(?:e|ing)[ -](?:jobs?|workflows?|steps?|pipelines?|actions?|process|ci|builds?)\b",
                            re.I)
# a change told as what makes the upload work again: "fix the PyPI upload", "this PR fixes the publish step by …",
# "drop the local part so that TestPyPI accepts the upload" (the failure is told by the fix)
_UPLOAD_WORD = r"\b(?:(?:test)?pypi|upload\w{0,4}|publish\w{0,4}|releas(?:e|es|ing)|deploy\w{0,4})\b"
_CHANGE_SAID = re.compile(r"\b(?:fix\w{0,4}|repair\w{0,3}|unbreak\w{0,3})\b" + IN_SENTENCE + r"{0,40}?" + _UPLOAD_WORD + "|"
                          + _UPLOAD_WORD + r"\s(?:fix\w{0,3}|repair)\b|"
                          r"\b(?:so(?: that)?|to (?:let|allow|make|get)|in order (?:to|for|that))\b" + IN_SENTENCE
                          + r"{0,60}?" + _UPLOAD_WORD + r"(?:\s[\w.-]+){0,3}?\s(?:accepts?|allows?|takes?|works?|"
                          r"succeeds?|pass(?:es)?|goes through)\b", re.I)
# a negation: "does not", "won't", "can't", "couldn't", "is not", "never", "no longer", "unable to", "not able to"
NEGATION = (r"(?:\b(?:does|did|do|would|could|will|wo|is|was|are|were|ca|should|has|have|had)n[’']?t\b|"
            r"\b(?:does|did|do|would|could|will|is|was|are|were|can|has|have|had) not\b|\bcannot\b|\bnever\b|"
            r"\bno longer\b|\b(?:un|not |no longer )able to\b)")
# what a negation denies when it tells a refusal: the index taking, allowing or letting, or the upload happening
_DENIED = (r"(?:let|allow|accept|take|permit|support|correct|work|publish|upload|re-?upload|release|deploy|push|pass|succeed|go|"
           r"make it|get|be (?:uploaded|published|accepted|released|pushed|deployed|allowed|able))\w{0,4}\b")
_FAILED_SAID = re.compile(
    NEGATION + r"(?:\s+\w+){0,2}?\s+" + _DENIED + "|"
    # verbs and nouns of failure and refusal
    r"\bfail\w{0,4}\b|\berrors?\b|\berr(?:ed|ored)\b|\breject\w{0,3}\b|\brefus\w{0,3}\b|\bblock\w{0,3}\b|"
    r"\bden(?:y|ies|ied|ial)\b|\bforbid\w{0,3}\b|\bdisallow\w{0,3}\b|\bprevent\w{0,3}\b|\bstop(?:s|ped|ping)?\b|"
    r"\bbr(?:eak|eaks|eaking|oke|oken)\b|\bbounc\w{1,3}\b|\bchok\w{1,3}\b|\bcomplain\w{0,3}\b|\bcrash\w{0,3}\b|"
    r"\babort\w{0,3}\b|\bcollid\w{1,3}\b|\bcollision\b|\bconflict\w{0,3}\b|\bburn(?:ed|t)\b|\bstack ?trace\b|"
    r"\bexpired\b|\brevoked\b|"
    # a trouble named by what it struck: "an upload issue", "a publishing problem", "issues with the release"
    r"\b(?:upload\w{0,3}|publish\w{0,3}|release|deploy\w{0,3}|pypi|twine|push)\s(?:issues?|problems?|bugs?|troubles?)\b|"
    r"\b(?:issues?|problems?|troubles?)\s(?:with|when|while)\s(?:the\s)?(?:upload|publish|releas|deploy|push)\w{0,4}\b|"
    # adjectives and participles of refusal
    r"\bnot (?:allowed|accepted|permitted|possible|valid|supported|working)\b|\binvalid\b|\bincorrect\b|\bwrong\b|"
    r"\bimpossible\b|\bunable\b|\bcan(?:no|[’'])t\b|"
    # an HTTP refusal quoted in the sentence ("got an HTTP 403", "a 409 Conflict", "400 Bad Request")
    r"\bHTTP\W{0,3}4\d\d\b|\b4\d\d\W{0,3}(?:Bad Request|Forbidden|Conflict|Gone|Client Error|Unauthori[sz]ed|"
    r"Method Not Allowed|error)\b|\b(?:an?|got|with|returns?|returned|gives?|gave)\W{1,3}4(?:00|01|03|05|09|10)\b",
    re.I)
# "already there": a thing the index holds already (exists, is uploaded, published, released, available, taken) or a
# duplicate of it
ALREADY = (r"(?:\balready[- ](?:(?:been|being) )?(?:(?:manually|accidentally|mistakenly|previously) )?(?:exist\w{0,3}|there|on (?:test\.?)?pypi|uploaded|published|released|available|"
           r"present|live|taken|in use|used|registered|claimed|pushed|deployed|up)\b|\bexists? already\b|"
           r"\bduplicat\w{1,3}\b|\bpre-?existing\b|\bexisting\b|\bcollid\w{1,3}\b|\boverwrit\w{1,4}\b)")
# what a re-upload names: a version, a release, a version number, a package's files (a bare "file" also names the
# attestation files a second upload meets, so it is not one)
_REUPLOADED = r"\b(?:versions?|(?<!semantic-)releases?(?!-(?:please|drafter|it)\b)|v?\d{1,6}(?:\.\d{1,6}){1,4}\w{0,10}|packages?|wheels?|sdists?|file ?names?|artifacts?|distributions?|dists?)\b"
_SAID_PASSWORD = re.compile(r"\b(?:turned off|switched off|disabled|dropped|removed|ended|deprecated)\b[^.]{0,20}?"
                            r"\busernames?\b[^.]{0,12}?(?:and|or|/)\s{0,3}passwords?\b|"
                            r"\b(?:no longer|not|n[’']t)\b[^.]{0,30}?\b(?:allow|accept|support)\w{0,2}\b[^.]{0,20}?"
                            r"\busernames?\b[^.]{0,12}?\b(?:and|or|/)\s{0,3}passwords?\b|"
                            r"\b(?:requires?|needs?|only (?:accepts?|allows?|takes?))\b[^.]{0,40}?\btokens?\b[^.]{0,20}?"
                            r"\binstead of\b[^.]{0,12}?\busernames?\b[^.]{0,8}?(?:and|or|/)\s{0,3}passwords?\b|"
                            r"\busernames?\b[^.]{0,8}?(?:and|or|/)\s{0,3}passwords?\b[^.]{0,40}?"
                            r"\bno longer\b[^.]{0,12}?\b(?:allowed|accepted|supported)\b|"
                            # a username and password where PyPI wants two-factor authentication or a token
                            r"\busernames?\b[^.]{0,8}?(?:and|or|/)\s{0,3}passwords?\b" + IN_SENTENCE + r"{0,80}?"
                            r"\b(?:requires?|requiring|needs?|enforc\w{1,3}|mandatory|only)\b" + IN_SENTENCE + r"{0,30}?"
                            r"\b(?:two[- ]factor|2fa|mfa|api tokens?|tokens?)\b", re.I)
# an account without two-factor authentication (PyPI refuses its uploads)
_TWO_FACTOR = r"\b(?:two[- ]factor(?: auth\w{0,12})?|2fa|two[- ]step verification|mfa)\b"
_SAID_TWO_FACTOR = re.compile(_TWO_FACTOR + r"(?:(?!\b(?:and|but|so|then)\b)" + IN_SENTENCE + r"){0,40}?"  # of the 2FA itself
                              r"\b(?:not|n[’']t|never|missing|disabled|"
                              r"required|requirement|mandatory|enforc\w{1,3})\b|\b(?:no|not|n[’']t|without|lack\w{0,3}|missing|"
                              r"enabl\w{1,3}|requir\w{1,4}|enforc\w{1,3}|set ?up|turn on)\b" + IN_SENTENCE + r"{0,30}?"
                              + _TWO_FACTOR, re.I)
# a local version (`+g<commit>`, a dirty tree's `.d20240101`, "local version") in a sentence of a refused upload
_SAID_LOCAL = re.compile(r"\blocal (?:version|identifier|segment|label|part)s?\b|`?\+local`?\b|"
                         r"\bv?\d{1,6}(?:\.\d{1,6}){0,4}[\w.]{0,12}\+g?[0-9a-f]{6,40}(?:\.d\d{8})?\b|"
                         r"\b(?:version|tree|checkout|build|working copy|repo\w{0,6})\b" + IN_SENTENCE + r"{0,30}?\bdirty\b|"
                         r"\bdirty\b" + IN_SENTENCE + r"{0,30}?\b(?:version|tree|checkout|working copy|repo\w{0,6})\b",
                         re.I)
# a tag step whose shell variable was never expanded, so the tag is named literally and a setuptools-scm or hatch-vcs
# build sees no version tag: the tag command with the variable alone in single quotes, git's report of a tag of that
# literal name, or a sentence that tells a tag, the variable and why it stayed unexpanded (a GitHub `${{ … }}`
# expression is filled in before the shell runs, whatever its quotes)
_UNEXPANDED = r"\$\{[A-Za-z_]\w{0,60}\}|\$[A-Za-z_]\w{1,60}\b"
_TAG_LITERAL = re.compile(r"\bgit tag\b[^\n]{0,80}?(?<![\w=])'(" + _UNEXPANDED + r")'(?!\w)|\[new tag\]\s{1,20}(" + _UNEXPANDED
                          + r")\s|\brefs/tags/(" + _UNEXPANDED + ")")
_NOT_EXPANDED = re.compile(r"\bsingle[- ]quot\w{0,4}\b|\b(?:not|never|n[’']t|without)\s(?:\w+\s)?(?:be(?:ing)?\s)?expand\w{0,4}\b|"
                           r"\bfrom expanding\b|\bunexpanded\b|\bliteral(?:ly)?\b", re.I)
_TAG_WORD = re.compile(r"\btag(?:s|ged|ging)?\b", re.I)


def tag_unexpanded(cleaned: List[Tuple[int, str]]) -> Optional[Tuple[str, bool]]:
    """The shell variable a tag step left unexpanded, and whether single quotes are shown or told as the reason
    (platformdirs #477: `'${STEPS_V_OUTPUTS_VERSION}'` in single quotes made a tag of that literal name, so hatch-vcs
    found no version tag and wrote a local version), if the log shows or tells one."""
    for _, line in cleaned:
        shown = _TAG_LITERAL.search(line)
        if shown:
            return shown.group(1) or shown.group(2) or shown.group(3), shown.group(1) is not None
        for sentence in SENTENCE_END.split(line):
            var = re.search(_UNEXPANDED, sentence)
            why = _NOT_EXPANDED.search(sentence) if var and _TAG_WORD.search(sentence) else None
            if why:
                return var.group(0), bool(re.search(r"\bsingle[- ]quot", sentence, re.I))
    return None


def unexpanded_tag_fix(var: str, quoted: bool) -> str:
    """The fix where the tag step's variable was never expanded: double quotes first (or a value the step expands),
    then publishing from tags."""
    if quoted:
        return (f"Write the tag step's `{var}` in double quotes (`\"{var}\"`), not single quotes: in single quotes the "
                "shell does not expand it, so the tag was named literally, the build saw no version tag on the commit "
                "and wrote a local version; then publish only from tags.")
    return (f"Make the tag step expand `{var}` (double quotes in a shell, not single; an action's input takes "
            "`${{ env.NAME }}`, not a shell variable): the tag was named literally, so the build saw no version tag on "
            "the commit and wrote a local version; then publish only from tags.")


# a third-party publish action told as fixed by its newer release: "Update poetry-publish action, that fixes
# authentication problem when using repository params." beside the release's link (scanapi/scanapi #252); the action
# is one that publishes (its name says so), and the sentence names what failed (authentication, the upload)
_UPDATED = r"\b(?:updat|upgrad|bump)\w{0,3}\b"
_PUBLISH_ACTION = r"[\w.-]{0,60}(?:publish|pypi|upload|deploy)[\w.-]{0,60}"
SAID_ACTION_FIXED = re.compile(_UPDATED + IN_SENTENCE + r"{0,40}?(?:`?\b(?:[\w.-]{1,60}/)?(" + _PUBLISH_ACTION + r")`?\s"
                               r"(?:github\s)?action\b|\b([\w.-]{1,60}/" + _PUBLISH_ACTION + r")(?:@|`|\s|$))" + IN_SENTENCE
                               + r"{0,60}?\bfix(?:es|ed)?\b" + IN_SENTENCE + r"{0,60}?\b(?:authenticat\w{1,5}|auth|credentials?|"
                               r"tokens?|passwords?|log-?in|upload\w{0,3}|publish\w{0,3}|40[13])\b", re.I)
_RELEASE_LINK = re.compile(r"https?://github\.com/([\w.-]{1,60}/" + _PUBLISH_ACTION + r")/releases/tag/([\w.+-]{1,40})", re.I)


def action_fixed(cleaned: List[Tuple[int, str]]) -> Optional[Tuple[int, str, Optional[str]]]:
    """(line, action, release) where the text says a newer release of a publish action fixes the failure: the action
    as the release link or the sentence names it, the release the link names."""
    for n, line in cleaned:
        for sentence in SENTENCE_END.split(line):
            m = SAID_ACTION_FIXED.search(sentence)
            if not m or _STILL.search(sentence):  # "the problem is still there"
                continue
            name = (m.group(1) or m.group(2)).strip("`")
            link = next((k for k in (_RELEASE_LINK.search(t) for _, t in cleaned) if k and (
                name.lower() == k.group(1).lower() or name.lower() == k.group(1).split("/")[1].lower())), None)
            if not link and "/" not in name and re.fullmatch(r"(?:the[-_ ])?(?:publish\w{0,3}|pypi|upload\w{0,3}|deploy\w{0,3})",
                                                              name, re.I):
                continue  # "update the publish action": which action, the text does not say
            pinned = re.search(re.escape(name) + r"@(v?\d[\w.+-]{0,40}?)(?=[`'\"\s,;)]|\.?$)", sentence)
            return n, link.group(1) if link else name, link.group(2) if link else pinned.group(1) if pinned else None
    return None


def action_fixed_fix(action: str, release: Optional[str]) -> str:
    """The fix where a publish action's own bug is told as fixed by its newer release."""
    which = f"{release} (the release the log names) or later" if release else "the release that fixes it"
    return (f"Upgrade `{action}` to {which} and re-run: the failure is a bug of the action fixed in that release, not "
            "of the workflow, the credentials or the files.")


RENDERER_MISSING = re.compile(r"Markdown renderers are not available", re.I)
TWINE_CHECK = re.compile(r"\btwine check\b" + IN_SENTENCE + r"{0,80}?\bfail|\bcheck\b" + IN_SENTENCE + r"{0,40}?\bfail\w{0,3}\b"
                          + IN_SENTENCE + r"{0,80}?\breadme[_-]render|Checking \S{1,300}: FAILED", re.I)
RENDERER_MISSING_FIX = ("Install the Markdown renderer where `twine check` runs (`pip install 'readme_renderer[md]'`, or "
                        "upgrade twine and readme_renderer together) and check again: without it the check cannot render "
                        "a Markdown README and fails it; the README and PyPI are not at fault.")
# a content-type key setuptools does not know (it ignores it with a warning), beside twine's warning that no content
# type is declared: the README was read as reStructuredText because of the key's spelling (nebari-dev/nebari #1122)
MISSPELT_CONTENT_TYPE = re.compile(r"\b(long_desc(?:ription)?_(?:type|content|format|contenttype|content_types|mime_?type)|"
                                   r"long_desc_content_type|long_description_content-type)\b", re.I)
_CONTENT_TYPE_MISSING = re.compile(r"long_description_content_type`? missing", re.I)


def misspelt_content_type(whole: str) -> Optional[str]:
    """The misspelt content-type key the log shows where twine says none is declared, if it shows one."""
    m = MISSPELT_CONTENT_TYPE.search(whole) if _CONTENT_TYPE_MISSING.search(whole) else None
    return m.group(1) if m else None


def misspelt_content_type_fix(key: str) -> str:
    """The fix where a misspelt key left the README without a content type."""
    return (f"Spell the key `long_description_content_type` (setup.cfg's `[metadata]`, or setup.py), not `{key}`, "
            "which setuptools ignores: with no content type declared the README is checked as reStructuredText; set "
            "it to `text/markdown` for a Markdown README, rebuild and run `twine check dist/*`.")


# a pending publisher left for a project that exists already
SAID_PENDING = re.compile(r"\bpending (?:trusted )?publish\w{0,3}\b" + IN_SENTENCE + r"{0,80}?(?:" + "\\balready[- ]exist"
                           r"\w{0,3}|\bexists? already\b|\bexisting (?:project|package)\b|\bproject (?:already )?exists\b)|"
                           r"(?:\balready[- ]exist\w{0,3}|\bexisting (?:project|package)\b|\bproject (?:already )?exists\b)"
                           + IN_SENTENCE + r"{0,80}?\bpending (?:trusted )?publish", re.I)
# a refused re-upload: the same version, a version that exists, a deleted release; a version or file name must be
# named, since "a file already existing" alone is also what a second upload of attestation files meets
SAID_REUPLOAD = re.compile(r"\bsame version\b|\bre-?upload\w{0,3}\b[^.]{0,60}?\b(?:version|release|deleted|same)\b|"
                            # an old version uploaded again in place of the new one ("v1.1.3 being pushed to PyPI,
                            # though I am pushing v1.1.6")
                            r"\bv?\d{1,6}(?:\.\d{1,6}){1,4}\w{0,10} (?:is |was |still )?(?:being|getting|gets|got) "
                            r"(?:pushed|uploaded|published)\b[^.]{0,60}?\b(?:though|instead|but|rather|while|not)\b|"
                            r"\b(?:the )?(?:old|previous|stale) version (?:is |was |gets |got )?(?:being )?"
                            r"(?:pushed|uploaded|published) again\b|"
                            + _REUPLOADED + IN_SENTENCE + r"{0,60}?" + ALREADY + "|" + ALREADY
                            + IN_SENTENCE + r"{0,30}?" + _REUPLOADED + "|"
                            r"\b(?:as|because|since) (?:version )?v?\d{1,6}(?:\.\d{1,6}){1,4}\w{0,10} (?:already )?exists\b|"
                            r"\b(?:version|release)\b[^.]{0,40}?\b(?:once |was |been |is )?deleted\b|"
                            r"\bdeleted\b[^.]{0,40}?\b(?:version|release)\b|\bfile ?name\b[^.]{0,30}?\b(?:used|taken)\b|"
                            r"\byank(?:ed|ing)?\b|\boverwrit\w{1,4} (?:an? |the )?(?:existing |old |published )?"
                            r"(?:files?|uploads?|versions?|releases?)\b|"
                            # the version was not changed before the upload
                            r"\bwithout (?:a |any |bumping |incrementing |changing |updating )?(?:the )?version\b|"
                            r"\b(?:never|not|n[’']t|forg[eo]t\w{0,3} to|no) (?:been )?bump\w{0,3}\b|\bno version bump\b|"
                            # a bump told as missed ("supposed to be bumped to 0.15.0 … but was missed", "skipped the
                            # version bump")
                            r"\bbump\w{0,3}\b" + IN_SENTENCE + r"{0,80}?\b(?:was|were|got)\s(?:missed|forgotten|skipped|omitted)\b|"
                            r"\b(?:skip\w{0,3}|miss\w{0,3}|forg[eo]t\w{0,3})\s(?:the\s|a\s)?version\sbump\b|"
                            r"\bversion (?:was |is )?(?:not|never) (?:bumped|incremented|changed|updated)\b", re.I)
# a release tool's "already exists" of its own GitHub release or tag (croissant-baker #104: "release-please sees v0.3.0
# already exists, sets `release_created=false`, and publish skips again"), in words that name no index: the tool skips,
# PyPI refused nothing
SAID_BOT_RELEASE_EXISTS = re.compile(r"^(?!.*\b(?:(?:test\.?)?pypi|index|twine|upload\w{0,3})\b)"
                                     r".*\b(?:release-please|semantic-release|release-drafter|release-it|changesets|"
                                     r"goreleaser|GitHub releases?|gh release)\b", re.I | re.S)
# a GitHub Release told as already there: a release "for the tag" (the index has none per tag) or one named GitHub's
# (broadinstitute/gnomad_methods #451: "the last step of the release workflow fails because a release already exists
# for the tag"): the GitHub Release step met one made by hand, PyPI refused nothing
SAID_TAG_RELEASE_EXISTS = re.compile(r"\breleases?\s(?:already\s)?exists?\s(?:already\s)?for\s(?:the|this|that|a|its|each)\s"
                                     r"(?:git\s|new\s)?tags?\b|\bGitHub\sreleases?\b" + IN_SENTENCE + r"{0,40}?"
                                     r"(?:\balready[- ]exist\w{0,3}|\bexists?\salready\b)", re.I)
# a publish told as done and a step after it as what failed (a GitHub Release step, a post-upload assert: UiPath/coder_eval
# #124 "published successfully … Yet **Assert PyPI serves this run's artifacts** failed"): whatever that step names as
# existing or missing, it is no file the index refused
SAID_PUBLISHED_OK = re.compile(r"\b(?:published|uploaded|released|pushed)\s(?:\w+\s){0,2}?successfully\b|"
                               r"\bsuccessfully\s(?:published|uploaded)\b|\b(?:code|package|release|distributions?|wheels?|"
                               r"files?)\s(?:was\s|were\s|got\s)?(?:published|uploaded|pushed)\sto\s(?:test\.?)?pypi\b|"
                               r"\b(?:pypi\s)?uploads?\s(?:had\s|has\s|have\s|was\s|were\s)?(?:succeeded|went through)\b", re.I)
_LATER_STEP = re.compile(r"\b(?:last|final|later|following|post-?upload|post-?publish)\s(?:\w+\s){0,2}?(?:step|check|job)s?\b|"
                         r"\bassert(?:s|ion|ions)?\b", re.I)
# an import told as added to setup.py (or setup.py told to import a module) where the release's upload broke: the job
# that runs setup.py has not installed that module (horovod/horovod #3739: "Adding `import packaging` to `setup.py`
# broke the `Upload to PyPi` workflow")
SAID_SETUP_IMPORT = re.compile(r"\bimport\s`?([\w.]{1,60})`?\s(?:\w+\s){0,2}?(?:to|in|into|inside|from)\s`?setup\.py\b|"
                               r"\bsetup\.py`?\s(?:now\s|also\s|newly\s)?imports?\s`?([\w.]{1,60})`?|"
                               r"\bimport(?:ing)?\sof\s`?([\w.]{1,60})`?\s(?:in|from|into)\s`?setup\.py\b", re.I)
# a tag told as wrong (a typo, not matching) beside the version a file of the package holds ("This tag looks like a
# typo. `__about__.py` says 1.32.1.", pypa/hatch #2435): the tag and the package's version differ
SAID_TAG_WRONG = re.compile(r"\btag(?:s|ged)?\b" + IN_SENTENCE + r"{0,40}?\b(?:typo\w{0,2}|mistake\w{0,2}|wrong|"
                            r"mis-?match\w{0,2}|(?:does|did)(?:n[’']?t|\snot)\smatch|differ\w{0,3})\b|"
                            r"\b(?:typo\w{0,2}|mistake\w{0,2}|wrong)\b" + IN_SENTENCE + r"{0,20}?\btag\b", re.I)
SAID_FILE_VERSION = re.compile(r"(`?[\w./-]{0,80}?(?:__about__|__init__|__version__|_version|version)\.py`?|`?pyproject\.toml`?|"
                               r"`?setup\.(?:py|cfg)`?)\s(?:\w+\s){0,2}?(?:says|said|has|had|holds|held|reads|contains|"
                               r"shows|is|was)\s(?:still\s|at\s|version\s){0,2}`?v?(\d{1,6}(?:\.\d{1,6}){1,4})\b", re.I)
# a deleted upload told as why a new version is needed ("I removed a previous upload for `0.20` … and now I need to
# release a new version"): PyPI never takes a deleted file's name again, so this is the refused re-upload told by its fix
_DELETED_UPLOAD = (r"\b(?:remov|delet)\w{0,3}\s(?:[\w.`'-]{1,40}\s){0,3}?(?:uploads?|releases?|versions?|files?|wheels?|"
                   r"sdists?|distributions?)\b")
_NEW_VERSION_NEEDED = (r"\b(?:need|needs|needed|have|has|had|must|required)\s(?:to\s)?(?:\w+\s){0,2}?(?:release|publish|"
                       r"upload|bump|cut|push|make|use)\w{0,3}\s(?:\w+\s){0,2}?(?:a\s|the\s)?(?:new|next|another|"
                       r"different|higher)\s(?:version|release)\b")
# or told as what can never be uploaded again ("deleted versions cannot be uploaded again": openego/eTraGo #100)
_NO_REUPLOAD = (r"\b(?:can(?:no|[’'])?t|could(?:n[’']t| not)|never)\s(?:be\s)?(?:re-?)?(?:upload|publish|us)\w{0,3}\s"
                r"(?:again|a second time|twice)\b|\bcan(?:no|[’'])?t\sbe\sre-?used\b")
SAID_DELETED_REUSE = re.compile(_DELETED_UPLOAD + IN_SENTENCE + r"{0,160}?(?:" + _NEW_VERSION_NEEDED + "|" + _NO_REUPLOAD
                                + ")", re.I)
# the other objects a refusal told in a sentence names, each mapped to its finding: an attestation used a second time,
# a project name PyPI refuses, a README or long description that does not render (or has no content type), a
# classifier, twine's check of the metadata, the trusted publisher's settings
_SAID_ATTESTATION = re.compile(r"\battestations?\b" + IN_SENTENCE + r"{0,80}?\b(?:reus\w{0,3}|already|single upload|"
                               r"only once|not cleared|multiple times|twice|more than once|a second time|same files?)\b|"
                               r"\breus\w{0,3}\b" + IN_SENTENCE + r"{0,40}?\battestations?\b", re.I)
# GitHub's environment protection told in a sentence: its deployment branch (and tag) rules, an environment's
# protection rules, a ref "not allowed to deploy to" an environment; never a rule of PyPI about a name
_SAID_ENVIRONMENT = re.compile(r"\benvironment(?:[’']s)?\s(?:protection|deployment)\srules?\b|\bdeployment\s(?:protection\s)?"
                               r"rules?\b|\bdeployment\sbranch(?:es)?(?:\sand\stags?)?(?:\spolic\w{1,3}|\srules?)?\b|"
                               r"\bnot\sallowed\sto\sdeploy\sto\b", re.I)
_SAID_NAME = re.compile(r"\btoo similar\b|\b(?:project|package|distribution)(?: name)?\b" + IN_SENTENCE
                        + r"{0,40}?\b(?:is|was)?\s?(?:n[’']t|not) allowed\b|(?<!file )\bname\b" + IN_SENTENCE
                        + r"{0,60}?\b(?:prohibited|(?:is|was|isn[’']t|is not|wasn[’']t) (?:not )?allowed)\b|"
                        r"(?:`[\w.-]{1,100}`|\b(?:project|package|distribution)) name\b"
                        + IN_SENTENCE + r"{0,30}?\b(?:rejected|refused)\b", re.I)
_DESCRIPTION = r"\b(?:(?:long[ _])?description(?:[ _]content(?:[ _]type)?)?|readme)\b"
_SAID_DESCRIPTION = re.compile(_DESCRIPTION + IN_SENTENCE + r"{0,80}?\b(?:render\w{0,3}|content[ _-]type|markdown|"
                               r"markup|empty|rst|restructured ?text)\b|\b(?:render\w{0,3}|content[ _-]type)\b"
                               + IN_SENTENCE + r"{0,80}?" + _DESCRIPTION, re.I)
# a wheel told as misnamed or mistagged (a test build's wheel that went into the upload)
SAID_MISNAMED_WHEEL = re.compile(r"\b(?:mis-?named|wrongly (?:named|tagged)|badly (?:named|tagged)|mis-?tagged|"
                                 r"mis-?labell?ed)\s(?:[\w.+-]{1,20}\s){0,3}?wheels?\b|\bwheels?\b" + IN_SENTENCE
                                 + r"{0,30}?\b(?:is|was|were|are)\s(?:mis-?named|mis-?tagged|wrongly (?:named|tagged))\b", re.I)
# files that are no distributions told as refused: signature and certificate files, a directory as an unknown
# distribution ("PyPI does not support uploading the signature files", "crt and sig files are unable to be uploaded")
SAID_STRAY_FILES = re.compile(r"\b(?:signatures?|signing|certificates?|\.?sig|\.?asc|\.?crt|\.?pem|checksums?|sbom)"
                              r"(?:\s(?:and|or|&)\s\.?\w{2,12})?\sfiles?\b|\bunknown distribution(?: format)?\b", re.I)
# a folder told as inside the upload folder ("failed due to the presence of the `dist/archive` folder", "a directory
# inside dist/"): no distribution, whatever the uploader; `dist/dist` is the nested build (log-no-distributions)
SAID_STRAY_DIR = re.compile(r"`?(?<![\w/.-])dist/(?!dist\b)[\w.-]{1,60}/?`?\s(?:sub-?)?(?:folder|directory|dir)\b|"
                            r"\b(?:sub-?)?(?:folder|directory)\s(?:[\w`.-]+\s){0,2}?(?:in|inside|under|within)\s(?:the\s)?"
                            r"`?dist/?`?(?![-_.]\w)", re.I)
# the kinds of file PyPI takes told as all it takes ("we deprecated/removed everything but sdist, wheels, and eggs as
# per PEP 527", packaging-problems #99), read beside an upload of another kind built by the same command
SAID_KINDS_ONLY = re.compile(r"\bPEP\s?527\b|\b(?:everything|all)\s(?:\w+\s)?(?:but|except)\s(?:the\s)?(?:sdists?|wheels?|"
                             r"source distributions?)\b|\bonly\s(?:accepts?|takes?|allows?|supports?)\s(?:\w+\s)?(?:sdists?|"
                             r"wheels?|source distributions?)\s(?:and|or|&)\s(?:sdists?|wheels?|eggs?)\b", re.I)
# a build backend told as not supporting the newer metadata field it writes ("uv's default build system is … still
# setuptools, which does not support some of the more modern core metadata features such as license-file(s). The
# missing feature can cause publishing to fail", superlinear-ai/substrate #302): License-File under an older version
SAID_BACKEND_LACKS_FIELD = re.compile(r"\b(?:setuptools|hatchling|poetry-core|flit[-_]core|pdm-backend|maturin|build[- ]"
                                      r"(?:system|backend)s?|backends?)\b" + IN_SENTENCE + r"{0,60}?(?:\b(?:does|do|did)(?:n[’']?t|"
                                      r"\snot)|\bnot yet|\bcannot)\s(?:yet\s)?(?:fully\s)?(?:support|write|handle)\w{0,3}\b"
                                      + IN_SENTENCE + r"{0,80}?\blicen[cs]e[-_ ](?:files?|expression)\b|"
                                      # the field told as written under an older Metadata-Version (PyO3/maturin #2332:
                                      # "emitting a `License-File` entry, but Metadata-Version 2.3, which is invalid")
                                      r"\blicen[cs]e[-_ ](?:files?|expression)\b" + IN_SENTENCE + r"{0,60}?\bmetadata[- ]"
                                      r"version\W{0,3}(?:1\.\d|2\.[0-3])\b", re.I)
NEWER_FIELD_FIX = ("Build with a backend release that writes Metadata-Version 2.4, which License-File and "
                   "License-Expression need (`setuptools>=77`, `hatchling>=1.26.1`, pinned in `[build-system] requires`), "
                   "and rebuild: PyPI refuses the fields under an older Metadata-Version.")
OTHER_KIND_FIX = ("Build and upload an sdist and a wheel (`python -m build`, then `twine upload dist/*`): PyPI refuses "
                  "every other kind of distribution (PEP 527; eggs since PEP 715).")
OTHER_KIND_UPLOAD = re.compile(r"\bsetup\.py\s(?:[\w-]{1,30}\s){0,4}?(bdist(?:_(?:dumb|egg|wininst|msi|rpm))?)\b(?:\s[\w-]{1,30})"
                               r"{0,4}?\supload\b", re.I)
_SAID_CLASSIFIER = re.compile(r"\bclassifiers?\b", re.I)
# reStructuredText's own markup told in a sentence: a title's underline or overline, docutils' messages
SAID_RST_MARKUP = re.compile(r"\b(?:title|section|heading|header)\s(?:underline|overline)s?\b|\b(?:underline|overline)s?\b"
                             + IN_SENTENCE + r"{0,40}?\btoo short\b|\binline (?:literal|emphasis|strong|interpreted)\b|"
                             r"\bunexpected (?:indentation|section title)\b|\bdocutils\b", re.I)
_NEW_BACKEND = r"\b(?:new(?:er|est)?|recent|latest|updated|upgraded)\s(?:build[- ])?backends?\b"
_OLD_TWINE = r"\b(?:old(?:er)?|outdated|stale|pinned|bundled)\s(?:\w+\s){0,2}?(?:twine|pkginfo)\b"
SAID_METADATA = re.compile(r"\b(?:twine|pkginfo)\b" + IN_SENTENCE + r"{0,40}?\bmetadata\b|\bmetadata\b" + IN_SENTENCE
                            + r"{0,40}?\b(?:twine|pkginfo)\b|" + _NEW_BACKEND + IN_SENTENCE + r"{0,60}?" + _OLD_TWINE + "|"
                            + _OLD_TWINE + IN_SENTENCE + r"{0,60}?" + _NEW_BACKEND, re.I)
# a trusted publisher that "does not match" the workflow (or no publisher matched): the exchange refused
_PUBLISHER_UNMATCHED = (r"\b(?:trusted )?publishers?\b" + IN_SENTENCE + r"{0,60}?\b(?:(?:does|did|do|would|will)"
                        r"(?:n[’']t| not)|never|not|no longer|fail\w{0,3} to)\s(?:\w+\s)?match\w{0,2}\b")
# (PyPI's own "no corresponding publisher" and "Publisher with matching claims was not found" are its generic text,
# not a person's finding)
_SAID_PUBLISHER_UNMATCHED = re.compile(_PUBLISHER_UNMATCHED, re.I)
SAID_PUBLISHER = re.compile(r"\btrusted[ -]publish\w{0,3}\b" + IN_SENTENCE + r"{0,60}?\b(?:typo\w{0,3}|mismatch\w{0,3}|"
                             r"wrong|misconfigur\w{0,5}|incorrect)\b|" + _PUBLISHER_UNMATCHED + r"|\b(?:typo\w{0,3}|"
                             r"mismatch\w{0,3}|wrong|misconfigur\w{0,5}|incorrect)\b" + IN_SENTENCE
                             + r"{0,60}?\btrusted[ -]publish", re.I)
# the publisher field (or token claim) a person names as the one that differed: "the token's `repository` claim no
# longer matched", "the mismatch was PyPI's "Workflow name" field"; a field only named ("set the Workflow name field to
# `release.yml`") is no mismatch
_FIELD = (r"[\"“'`]?(?P<field>repository[_ ]owner|repository(?: name)?|owner|(?:job_)?workflow(?:_ref| file(?:name| name)?|"
          r" ?name)?|environment(?: name)?)[\"”'`]?\s{0,2}(?:claim|field)\b")
_DIFFERED = (r"\b(?:mismatch\w{0,3}|differ\w{0,4}|wrong|incorrect|(?:(?:does|did|do)(?:n[’']t| not)|never|not|no longer)"
             r"\s(?:\w+\s)?match\w{0,2})\b")
SAID_FIELD_DIFFERED = re.compile(_FIELD + IN_SENTENCE + r"{0,60}?" + _DIFFERED + "|" + _DIFFERED + IN_SENTENCE
                                 + r"{0,50}?" + _FIELD.replace("field>", "field2>"), re.I)


# a CI's upload told as unable to create a project that does not exist yet ("Travis won't create new packages", "the
# creation/first release of the package needs to be done manually"): the first release must come from an account
_CI_IDENTITY = (r"\b(?:travis(?:[- ]ci)?|ci|circle ?ci|appveyor|jenkins|github actions|gitlab(?:[- ]ci)?|the (?:workflow|"
                r"pipeline|action|deploy\w{0,5}|bot|job|release job))\b")
SAID_CI_CANNOT_CREATE = re.compile(_CI_IDENTITY + IN_SENTENCE + r"{0,30}?\b(?:won[’']t|will not|cannot|can[’']t|can not|"
                                   r"could not|couldn[’']t|(?:is|was)\s?n[o’']?t (?:able|allowed) to|does\s?n[o’']?t)\s"
                                   r"(?:\w+\s)?create\s(?:a\s|the\s)?(?:new\s)?(?:packages?|projects?)\b(?!\s(?:dir|folder))|"
                                   r"\b(?:creation|first[ -](?:release|upload|version|publish\w{0,3})|initial (?:release|"
                                   r"upload))\b" + IN_SENTENCE + r"{0,40}?\b(?:needs? to|must|has to|have to|should) be "
                                   r"(?:done|made|created|uploaded|published|released) (?:manually|by hand)\b", re.I)
CI_CANNOT_CREATE = "The CI's upload cannot create the project: its first release must come from an account"
CI_CANNOT_CREATE_FIX = ("Make the project's first release by hand from an owner's account (`python -m build`, then "
                        "`twine upload dist/*` with an account-wide API token), or register a pending publisher for the "
                        "new name so that the first Trusted Publishing run creates it; then let CI publish later versions.")


def field_differed(text: str):
    """The publisher field a text names as the one that differed (owner, repository, workflow, environment), or None."""
    m = SAID_FIELD_DIFFERED.search(text)
    if not m:
        return None
    field = (m.group("field") or m.group("field2")).lower()
    return next(k for k in ("owner", "repository", "workflow", "environment") if k in field)


# a server error told in words: "failed with Internal Server Errors", "a 502 Bad Gateway", "HTTP 503", "5xx"
_SAID_SERVER = re.compile(r"\b(?:internal\s)?server[- ](?:side\s)?errors?\b|\bbad gateway\b|\bservice unavailable\b|"
                          r"\bgateway time-?outs?\b|\bHTTP\W{0,3}50[0-4]\b|\b50[0-4]\W{0,3}errors?\b|\b5xx\b|"
                          # trouble on the index's side told as such: an incident, an outage, its status page, "is down",
                          # "something is up at PyPI"
                          r"\b(?:incidents?|outages?|downtime)\b|\bstatus\.python\.org\b|\b(?:is|was|seems|went|goes)\s"
                          r"(?:\w+\s)?down\b|\bsomething(?:[’']s|\sis|\swas)\s(?:up|wrong|off|going\son)\s(?:at|with)\b", re.I)
# an upload told as halted (blocked, paused, disabled) beside an incident of the index, with no status code told
# (pycompression/xopen #159: "The upload was blocked due to this issue: https://status.python.org/incidents/…"): PyPI
# switches uploads off during such an incident (that one answered `403 … temporarily disabled`), no server error is shown
SAID_UPLOADS_HALTED = re.compile(r"\b(?:uploads?|uploading|publish\w{0,3}|releases?)\b" + IN_SENTENCE + r"{0,30}?\b(?:blocked|"
                                 r"halted|paused|suspended|disabled|frozen|switched off|turned off)\b", re.I)
SAID_STATUS_5XX = re.compile(r"\b(?:internal\s)?server[- ](?:side\s)?errors?\b|\bbad gateway\b|\bservice unavailable\b|"
                             r"\bgateway time-?outs?\b|\b5(?:\d\d|xx)\b", re.I)
# a trusted publisher that is not there: "the publisher is not configured on PyPI", "no trusted publisher registered"
# the upload told as failing in Trusted Publishing itself ("were not uploaded due to a failure in trusted publishing",
# "trusted publishing failed"): the upload went through the OIDC exchange, so no API token was sent or refused
SAID_TP_FAILED = re.compile(r"\b(?:fail\w{0,4}|errors?|broke\w{0,2}|problems?)\s(?:in|with|of|during|from)\s(?:the\s)?"
                            r"(?:trusted[ -]publish\w{0,3}|oidc(?:\sexchange)?)\b|\btrusted[ -]publish\w{0,3}\s(?:step\s|"
                            r"exchange\s)?(?:fail\w{0,4}|broke\w{0,2}|errored|did(?:n[’']t| not) work)\b", re.I)
# something told as still to be set up on the index's side ("this needs to be set up in the PyPI organization")
_SET_UP_NEEDED = re.compile(r"\b(?:needs?|has|have) to be (?:set\s?up|configured|registered|added)\b|\bnot (?:yet )?(?:been )?"
                            r"(?:set\s?up|configured|registered)\b", re.I)
SAID_PUBLISHER_MISSING = re.compile(r"\b(?:trusted\s)?publishers?\b" + IN_SENTENCE + r"{0,40}?\b(?:(?:is|was|were|are|has|"
                                     r"had|have)(?:n[’']t|\snot|\snever)|not|never)\s(?:been\s|yet\s)?(?:configured|"
                                     r"registered|set\s?up|added|created)\b|\bno\s(?:trusted\s|pending\s)?publishers?\b"
                                     + IN_SENTENCE + r"{0,20}?\b(?:configured|registered|set\s?up|added)\b|"
                                     # the project told as never made trusted ("no-one actually set it as trusted yet"),
                                     # not a pip index's `--trusted-host`
                                     r"\b(?:no[- ]?one|nobody|never|not|hasn[’']t|haven[’']t)\s(?:\w+\s){0,2}?(?:set|made|"
                                     r"marked|registered|configured|added)\s(?:it|this|the\s[\w-]{1,30}|us)\s(?:up\s)?as\s"
                                     r"(?:an?\s)?trusted\b(?![- ]?hosts?\b)", re.I)
# a README's format told by PyPI's words: its "default format" (reStructuredText) against Markdown
_FORMAT = r"\b(?:markdown|rst|restructured ?text)\b"
_SAID_DEFAULT_FORMAT = re.compile(r"\bdefault (?:format|markup|content[ _-]?type)\b" + IN_SENTENCE + r"{0,60}?" + _FORMAT
                                  + "|" + _FORMAT + IN_SENTENCE + r"{0,60}?\bdefault (?:format|markup|content[ _-]?type)\b",
                                  re.I)
# no distributions where the upload looks: the files not found, not there, not in `dist/`
_DISTS = r"\b(?:artifacts?|distributions?|dists|wheels?|sdists?|built files|(?:the |any )?files)\b"
SAID_NO_DISTS = re.compile(r"(?:\b(?:does|did|do|could|can|would)(?:n[’']?t|\snot)|\bcannot|\bfail\w{0,3} to|\bunable to)\s"
                            r"(?:find|see|locate|pick up)\b" + IN_SENTENCE + r"{0,30}?" + _DISTS + "|"
                            r"\bno\s(?:artifacts?|distributions?|dists|wheels?|files)\s(?:were\s|was\s)?(?:found|to upload|"
                            r"to publish)\b|" + _DISTS + r"\s(?:were\s|was\s|are\s|is\s)?(?:not found|missing from)\b|"
                            r"\b(?:prevent\w{0,3}|stop\w{0,4}|keep\w{0,3}|block\w{0,3})\b" + IN_SENTENCE + r"{0,60}?\bfrom\s"
                            r"(?:finding|seeing|locating|picking up)\b" + IN_SENTENCE + r"{0,30}?" + _DISTS, re.I)
# a release tool told as uploading only the files of the version in its own config ("`poetry publish` can only publish
# the packages with the same version number defined in `pyproject.toml`"): files of another version left out, no refusal
SAID_VERSION_FILTER = re.compile(r"(?:\bonly\s(?:publish|upload)\w{0,3}|\b(?:publish|upload)\w{0,3}\sonly)\b"
                                 r"(?:(?!\b(?:when|if|once|after|before)\b)[^.]){0,80}?\b(?:same|matching|match\w{0,2}|of|with)\b"
                                 r"[^.]{0,30}?\bversion\b[^.]{0,60}?(?:pyproject\.toml|setup\.cfg|Cargo\.toml|"
                                 r"\b(?:its|the project's|the tool's) (?:own )?config(?:uration)?\b)", re.I)
VERSION_FILTER_TITLE = ("The release tool uploads only the files of the version in its own config, so the built files "
                        "of another version were left out")
VERSION_FILTER_FIX = ("Upload the built files with `twine upload dist/*` (or pypa/gh-action-pypi-publish), which take any "
                      "version, or make the version the tool reads the one the files carry (its versioning plugin active "
                      "where it publishes); nothing was refused as already on the index.")
# the uploader told as what did not find them ("the build artifacts are not found by `poetry`", flower #2903), in a
# sentence that names only the release process: the upload's own search, not another tool's
_FINDER = r"\b(?:twine|poetry|flit|hatch|maturin|pdm)\b"  # the uploaders that look for the files themselves
SAID_NOT_FOUND_BY_UPLOADER = re.compile(r"\bnot found by\s(?:the\s)?`?" + _FINDER + "|" + _FINDER + r"`?\s"
                                        r"(?:\w+\s)?(?:does|did|do|could|can|would)(?:n[’']?t|\snot)\s(?:find|see|locate)\b",
                                        re.I)
# the folder the upload reads, told as where it expects the files, beside a mismatch of names or paths ("expects the
# wheels in a folder called `dist` … failed due to a naming mismatch"): the artifacts landed elsewhere
SAID_EXPECTED_FOLDER = re.compile(r"\bexpect\w{0,3}\b" + IN_SENTENCE + r"{0,30}?" + _DISTS + IN_SENTENCE + r"{0,20}?\b(?:in|"
                                  r"under|inside|from)\s(?:an?\s|the\s)?(?:folder|directory|dir|path)\s(?:called|named)\s", re.I)
_NAMES_MISMATCHED = re.compile(r"\b(?:nam\w{1,4}|path|folder|directory)\s(?:mismatch\w{0,3}|differen\w{1,3})\b|"
                               r"\bmismatch\w{0,3}\b" + IN_SENTENCE + r"{0,20}?\b(?:names?|paths?|folders?|directory)\b", re.I)
# artifacts of one name told as what broke the run ("upload artifacts with the same name 'wheels', causing 409 Conflict
# errors", "artifact naming conflicts"): upload-artifact v4's refusal, not a file already on the index
SAID_ARTIFACT_CONFLICT = re.compile(r"\bartifacts?\b" + IN_SENTENCE + r"{0,60}?\b(?:same name|name (?:conflict|clash)\w{0,2}|"
                                    r"naming (?:conflict|clash)\w{0,2}|409)\b|\b(?:same name|name (?:conflict|clash)\w{0,2}|"
                                    r"naming (?:conflict|clash)\w{0,2})\b" + IN_SENTENCE + r"{0,40}?\bartifacts?\b", re.I)
# the job's script moving `*.whl` out of a downloaded folder that holds none (NVIDIA/cuda-python #705: a download
# pattern that also took the test artifacts)
MOVED_NOTHING = re.compile(r"\b(?:mv|cp): cannot stat '([^'\n]{0,300}\*[^'\n]{0,40}\.(?:whl|tar\.gz))': No such file")
MOVED_NOTHING_FIX = ("A folder the job's script moves distributions from holds none: the download took more than the build "
                     "artifacts (a `pattern:` that also matches test or report artifacts) or an artifact of another "
                     "name; narrow the download's `pattern:` to the build artifacts (or skip folders without wheels), then "
                     "re-run.")
# Docker Hub's pull rate limit answering the pull (or the build's `FROM`) of the publish action's container image: on
# self-hosted runners outside GitHub's network the anonymous limit bites (gh-action-pypi-publish #254)
ACTION_IMAGE_TOLD = re.compile(r"gh-action-pypi-publish|\bCreate Docker (?:container )?action\b|\bthe action\b|"
                                r"\baction[’']s (?:image|Dockerfile|container)\b", re.I)
IMAGE_PUSHED = re.compile(r"\bdocker push\b|build-push-action|\bpush(?:ing|ed)? (?:the |an? |our )?images?\b", re.I)
# a virtual environment the job made or activated, told beside an uploader "not found" (not a path through the CI's own
# virtualenv): the deploy ran in another environment than the one the tool went into (python-recurring-ical-events #76)
VENV_TOLD = re.compile(r"(?<![/\w.-])(?:virtualenv|venv|\.venv)(?![/\w-])|\bbin/activate\b|\bdeactivate\b", re.I)
VENV_FIX = ("The deploy ran in another environment than the one the tool went into: do not leave a virtualenv the job "
            "activated in place for the deploy (remove it, or `deactivate` first), or run the tool from the environment "
            "that has it (`poetry run twine`, the virtualenv's `bin/twine`), or install it where the deploy runs.")
# distutils' `upload` finding no file after a build command of the same command line (`setup.py bdist_msi upload`): the
# command did not register what it built (a third-party command's bug: cx_Freeze #130), no upload apart from its build
BUILT_UNREGISTERED = re.compile(r"\bsetup\.py\b[^\n|;&]{0,120}?\b((?:bdist|sdist)\w{0,20})\b[^\n|;&]{0,80}?\bupload\b"
                                r"(?=[\s\S]{0,3000}?No dist file created in earlier command)")
BUILT_UNREGISTERED_FIX = ("The build command ran in the same command line but did not register its file for `upload`: upgrade "
                          "(or patch) the package that provides that command; PyPI takes only sdists and wheels (PEP 527 "
                          "dropped `.msi` and `.exe` installers), so an installer goes elsewhere (a GitHub release).")
# distutils' `upload` run with no build before it in the same command (`No dist file created in earlier command`, its
# older "Must create and upload files in one command"): no CI artifact is in question, the command line is
UPLOAD_ALONE = re.compile(r"No dist file created in earlier command|Must create and upload files in one command")
UPLOAD_ALONE_FIX = ("Build in the same command as the upload (`python setup.py sdist bdist_wheel upload`): `setup.py "
                    "upload` sends only the files that command line built; better, build with `python -m build` and "
                    "upload with `twine upload dist/*` (setuptools 42 and later have no `upload`).")
# an option the uploader took for a file name (`\ -u` in one line: the backslash escaped the space and joined it)
OPTION_AS_FILE = re.compile(r"Cannot find file \(or expand pattern\): '\s{0,3}-{1,2}[A-Za-z][\w-]{0,30}'")
OPTION_AS_FILE_FIX = ("The uploader took an option for a file name: a backslash before a space inside one line (`dist/* \\ -u "
                      "…`) escapes the space and joins it to the option, and a quoted `' -u'` does the same; remove the "
                      "backslash (it continues a line only at the line's end) or write the options before the files.")
# a build-system label given to the uploader as its files (`//pkg:target/*`, `@repo//pkg:target`): a build tool's publish
# rule (Bazel, Buck, Pants) ran the uploader without handing it the built files (bazel-contrib/rules_python #1130)
BUILD_LABEL_AS_FILE = re.compile(r"Cannot find file \(or expand pattern\): '((?:@[\w.-]{0,60})?//[\w./-]{0,200}:[\w.+-][^']{0,200})'")
BUILD_LABEL_AS_FILE_FIX = ("The uploader got the build target's label, not its files: the build tool's publish rule ran it "
                           "without the built files among its inputs (runfiles), a bug of the rule: use a release of the "
                           "rule that passes them, or patch the rule to add the dist output to the runfiles.")
# an upload URL option whose value in the printed command line is a file or the next option, not a URL: the value was
# lost between the workflow and the command (PyO3/maturin-action #320: `--repository-url URL` in the action's `args`)
URL_VALUE_LOST = re.compile(r"\b(?:upload|publish)\b[^\n`]{0,300}?\s(--(?:repository-url|publish-url))[ =]\s{0,2}"
                            r"(-{1,2}[A-Za-z][\w-]{0,30}|[^\s'\"]{0,300}\.(?:whl|tar\.gz|zip)\b|/[^\s:'\"]{1,300})", re.I)
URL_VALUE_LOST_FIX = ("The command that ran got a file (or the next option) as its upload URL: the URL was dropped on the way "
                      "from the workflow to the command, and what follows fails for that (a relative URL, no token). Give "
                      "the option and its value as one word, `--repository-url=https://test.pypi.org/legacy/` (uv: "
                      "`--publish-url=…`), or set the URL in the tool's variable (`MATURIN_REPOSITORY_URL`, "
                      "`TWINE_REPOSITORY_URL`, `UV_PUBLISH_URL`).")
# the files one folder too deep for the upload: an artifact that holds `dist/` itself, downloaded into `dist/`
NESTED_DIST = re.compile(r"(?<![\w/.-])dist/dist\b")
NESTED_DIST_FIX = ("The files are one folder too deep (`dist/dist/`): the artifact holds the `dist/` folder itself, so "
                   "download it to the repository root (`path: .`), or upload the artifact from inside the folder "
                   "(`path: dist/`); the publish step then finds them in `dist/`.")
# the repository's name told as used where the distribution's was needed, beside a version that never reached PyPI
# (gmarmstrong/python-datamuse #18: "didn't get released on PyPI … broken because the package name is different from the
# repository name"): the release workflow names the wrong project or files
_PACKAGE_NAME = r"\b(?:package|distribution|project|dist|pypi)(?:'s)?\s(?:name|names)\b"
_REPO_NAME = r"\b(?:repo|repository|github)(?:'s)?\s(?:name|names)\b"
SAID_REPO_NAME_USED = re.compile(_PACKAGE_NAME + IN_SENTENCE + r"{0,30}?\b(?:differ\w{0,3}|not the same|mismatch\w{0,3}|"
                                 r"instead of|rather than)\b" + IN_SENTENCE + r"{0,30}?" + _REPO_NAME + "|" + _REPO_NAME
                                 + IN_SENTENCE + r"{0,30}?\b(?:differ\w{0,3}|not the same|mismatch\w{0,3}|instead of|rather "
                                 r"than|in place of)\b" + IN_SENTENCE + r"{0,30}?" + _PACKAGE_NAME, re.I)
_NOT_ON_PYPI = re.compile(NEGATION + r"(?:\s+\w+){0,2}?\s+(?:released|published|uploaded|pushed|deployed|made it)\b"
                          + IN_SENTENCE + r"{0,30}?\b(?:on|to)\s(?:test\.?)?pypi\b|\bnever\s(?:reached|got to|made it to)\s"
                          r"(?:test\.?)?pypi\b|\b(?:missing|absent)\s(?:from|on)\s(?:test\.?)?pypi\b", re.I)
REPO_NAME_FIX = ("Check every place the release workflow names the distribution (file globs such as `dist/<name>-*`, a "
                 "build or `packages-dir` path, a version check or install of the package, the project of its Trusted "
                 "Publisher or token) and use the distribution's name (`[project] name`; `_` for `-` in file names), not "
                 "the repository's; then publish the version that never reached PyPI (re-run the workflow for it, or "
                 "release the next version).")


def repo_name_used(cleaned: List[Tuple[int, str]]) -> Optional[int]:
    """The line of a sentence telling the repository's name used for the distribution's, in a text that says a version
    never reached PyPI."""
    if not any(_NOT_ON_PYPI.search(t) for _, t in cleaned):
        return None
    return next((n for n, t in cleaned if SAID_REPO_NAME_USED.search(t)), None)


# a folder tree drawn in the text (indentation or `├──`): `dist/` holding folders that hold the distributions, told as
# what went wrong (rpoleski/MulensModel #80: `dist/sdist/` and `dist/wheelhouse/`, the upload found nothing in `dist/`)
_TREE_MARKS = str.maketrans({c: " " for c in "│├└─|`"})
_TREE_DIR = re.compile(r"^(\s*)([\w.*-]{1,60})/\s*$")
_TREE_DIST_FILE = re.compile(r"^(\s*)\S{0,200}\.(?:whl|tar\.gz|zip)\s*$")
TOLD_WRONG = re.compile(r"\b(?:issue|problem|mistake|wrong|instead|needed|should|never made it|fail\w{0,3}|broke\w{0,2})\b",
                         re.I)
NESTED_TREE_FIX = ("The distributions are in folders under `dist/` ({}), and the upload takes only the files in `dist/` "
                   "itself: download the artifacts flat into `dist/` (actions/download-artifact with `path: dist` and "
                   "`merge-multiple: true`), or move the files up before the upload; then re-run for the version that "
                   "did not reach PyPI.")


def nested_tree(text: str) -> Optional[Tuple[int, List[str]]]:
    """(line, the folders) of a tree in the text in which `dist/`'s distributions sit one folder deeper."""
    rows = [ln.translate(_TREE_MARKS).rstrip() for ln in text.splitlines()[:2000]]
    for i, row in enumerate(rows):
        top = _TREE_DIR.match(row)
        if not top or top.group(2) != "dist":
            continue
        depth, folders, sub = len(top.group(1)), [], None
        for below in rows[i + 1:i + 40]:
            if not below.strip():
                continue
            indent = len(below) - len(below.lstrip())
            if indent <= depth:
                break
            folder = _TREE_DIR.match(below)
            if folder:
                sub = (indent, folder.group(2))
            elif _TREE_DIST_FILE.match(below) and sub and indent > sub[0] and f"`dist/{sub[1]}/`" not in folders:
                folders.append(f"`dist/{sub[1]}/`")
        if folders:
            return i + 1, folders
    return None


# the same file uploaded again: "upload the same artifact in every job", "a 409 when uploading"
_ATTESTATION_WORD = re.compile(r"\battestations?\b", re.I)
SAID_SAME_FILE = re.compile(r"\bsame\s(?:artifacts?|files?|wheels?|sdists?|distributions?|dists?)\b|"
                             # files told as refused for their name ("can't upload files with the same name twice")
                             r"\bfiles?\s(?:with|of)\s(?:the\s)?same\s(?:file\s?)?names?\b|"
                             r"\bHTTP\W{0,3}409\b|\b409\b\W{0,3}(?:conflict|error|status|response)?", re.I)
# the publish action's ref that does not exist: "missing tag on `gh-action-pypi-publish`", "an invalid ref of the action"
_ACTION = r"`?(?:pypa/)?gh-action-pypi-publish\b`?"
SAID_ACTION_REF = re.compile(r"\b(?:missing|no|invalid|wrong|bad|unknown|non-?existent|nonexisting|deleted)\s(?:version\s)?"
                              r"(?:tags?|refs?|versions?|branch(?:es)?)\s(?:on|of|for|in)\s(?:the\s)?" + _ACTION + "|"
                              + _ACTION + IN_SENTENCE + r"{0,30}?\b(?:tags?|refs?|versions?)\s(?:is\s|was\s|does\s)?(?:missing|"
                              r"invalid|wrong|not (?:found|exist)|doesn[’']t exist|unknown)\b", re.I)
# setuptools' removed `setup.py upload` told as the command that failed ("the line `python setup.py sdist upload`
# didn't succeed"), with no message quoted: the command is gone, not a credential (ApeWorX/eth-keyfile#34)
_STATUS_TOLD = re.compile(r"\(\d{3}\)|\b[45]\d\d\b")
SAID_SETUP_UPLOAD = re.compile(r"\bsetup\.py\b[^\n.|;&]{0,60}?\bupload\b(?![-_])`?", re.I)
# the upload tool not installed: "failed to install twine", "twine is not installed", "the command wasn't found"
UPLOADER_TOOLS = r"\b(?:twine|poetry|flit|hatch|maturin|pdm)\b"
SAID_UPLOADER_MISSING = re.compile(r"(?:\bfail\w{0,3} to install|\b(?:did|do|does)(?:n[’']t|\snot) install|\bforg[eo]t\w{0,3} "
                                    r"to install|\bnever installed|\bmissing)\s(?:the\s)?" + UPLOADER_TOOLS + "|"
                                    # "several jobs forgot to add twine to the install" (its requirements, its deps)
                                    r"\b(?:forg[eo]t\w{0,3}|fail\w{0,3}|neglected) to (?:add|include|list)\s(?:the\s)?`?"
                                    + UPLOADER_TOOLS + r"`?\s(?:to|in)\s(?:the\s|its\s|their\s)?(?:install\w{0,3}|"
                                    r"requirements|dependencies|deps)\b|"
                                    + UPLOADER_TOOLS + IN_SENTENCE + r"{0,20}?\b(?:(?:is|was|were|are)(?:n[’']t|\snot)|not|never)\s"
                                    r"(?:been\s)?(?:installed|found|available)\b|" + UPLOADER_TOOLS + r"(?:\s\w+){0,2}\s(?:is\s|was\s)?"
                                    r"missing\b"
                                    # an option missing from the command ("twine upload was missing `--skip-existing`")
                                    # is no tool missing
                                    r"(?!\s(?:the\s|an?\s)?`?--?\w|\s(?:the\s|an?\s)?(?:[\w`-]+\s){0,3}"
                                    r"(?:flag|option|argument|parameter|switch)s?\b)|"
                                    # "it couldn't find the twine package" (a `--user` install outside the job's venv)
                                    r"(?:\bcould(?:n[’']t|\snot)|\bcan(?:no|[’'])?t|\bunable to)\s(?:find|locate)\s(?:the\s)?`?"
                                    + UPLOADER_TOOLS + r"`?\s(?:package|command|module|executable|binary)\b|"
                                    + UPLOADER_TOOLS + IN_SENTENCE + r"{0,80}?\bcommand\s(?:(?:was|is)(?:n[’']t|\snot)|"
                                    r"not|could(?:n[’']t|\snot) be)\s(?:be\s)?found\b|"
                                    # a failure told as the tool needed ("failing because it needs twine"), not a
                                    # version of it ("needs twine 6.1")
                                    r"\b(?:because|since|as)\s(?:it\s|the\s[\w-]{1,30}\s)?(?:needs?|requires?)\s(?:the\s)?"
                                    + UPLOADER_TOOLS + r"(?![\s=<>~]{0,3}v?\d)(?!\s(?:version|release)\b)|"
                                    # installed where the step does not look ("twine is installed within poetry's venv,
                                    # not globally")
                                    + UPLOADER_TOOLS + r"\s(?:is|was|were|are|gets?|got)\s(?:only\s)?installed\s(?:only\s)?(?:in|inside|"
                                    r"within|into)\s[^.]{0,40}?\b(?:venv|virtualenv|virtual environment|environment|env)\b"
                                    r"[^.]{0,20}?\bnot\s(?:globally|system-wide|on (?:the\s)?PATH)\b", re.I)
# a dependency of the uploader moved below what it needs (a lock-file sync, `uv run`, the project's pins), told with the
# failure: "`uv run` re-synced the env to uv.lock, downgrading packaging below twine 7's floor and crashing on `from
# packaging import errors`" (TransformerLens #1549): the dependency-conflict class, not a missing uploader
SAID_UPLOADER_DEP_MOVED = re.compile(r"\b(?:downgrad\w{1,4}|roll\w{0,3} back|revert\w{0,3}|pinn\w{2,3}|mov\w{1,3})\b"
                                     + IN_SENTENCE + r"{0,60}?\b(?:below|under|older than|lower than)\s(?:the\s)?`?"
                                     + UPLOADER_TOOLS + r"`?(?:\s?v?\d{1,2}(?:\.\d{1,3}){0,2})?(?:[’']s)?\s(?:floor|minimum|"
                                     r"min(?:imum)? version|lower bound|requirement|pin)\b", re.I)
_BROKE_AT_IMPORT = re.compile(r"\bcrash\w{0,3}\b|\bimport\s?error\b|\bimport\w{0,3}\b|\bModuleNotFoundError\b|"
                              r"\bbr(?:eak|eaks|oke|oken)\b|\bfail\w{0,4}\b", re.I)
# a verification of the attestations that failed: "attestation verification fails", "PyPI rejected the attestations"
SAID_ATTESTATION_FAILED = re.compile(r"\battestations?\b(?:\s\w+){0,2}?\s(?:verif\w{0,9}|validat\w{0,6}|check\w{0,3})\b"
                                      + IN_SENTENCE + r"{0,20}?\b(?:fail\w{0,3}|error\w{0,2}|reject\w{0,3}|mismatch\w{0,3})\b|"
                                      r"\b(?:invalid|rejected|unverifi\w{1,4})\sattestations?\b|\b(?:reject\w{0,3}|refus\w{0,3})\b"
                                      + IN_SENTENCE + r"{0,20}?\battestations?\b|\battestations?\b" + IN_SENTENCE
                                      + r"{0,30}?\b(?:(?:does|did|do)(?:n[’']t|\snot)\smatch|rejected|mismatch\w{0,3})\b", re.I)
# a wheel whose platform tag PyPI refuses: a plain `linux_x86_64` (not manylinux/musllinux) wheel, a platform tag
SAID_PLATFORM = re.compile(r"(?<![\w-])linux_(?:x86_64|aarch64|i686|armv7l|ppc64le|s390x)\b|\b(?:unsupported|invalid|"
                            r"binary|platform) (?:platform )?tags?\b" + IN_SENTENCE + r"{0,30}?\bwheels?\b|\bwheels?\b"
                            + IN_SENTENCE + r"{0,40}?\b(?:unsupported|invalid) platform(?: tags?)?\b|"
                            r"\bnot (?:a )?manylinux\b|(?<![\w-])(?:pyodide|emscripten)_[\w*.]{1,40}|"
                            r"\b(?:reject|refus)\w{0,3}\b" + IN_SENTENCE + r"{0,40}?\bplatform tags?\b|\bplatform tags?\b"
                            + IN_SENTENCE + r"{0,40}?\b(?:reject\w{0,3}|refus\w{0,3}|not (?:allowed|accepted|supported))\b|"
                            r"\b(?:needs?|requires?|must be|only (?:accepts?|takes?)) (?:\w+ ){0,2}manylinux\b", re.I)
# "ignore repeated files", "skip existing files", `skip-existing`: a re-run that met the files a first run uploaded
SAID_SKIP = re.compile(r"\b(?:ignor|skip)\w{0,3}\s(?:the\s|any\s)?(?:repeated|existing|duplicated?|already[- ](?:uploaded|"
                        r"existing|published|present)|uploaded|same)\s(?:files?|uploads?|wheels?|dists?|distributions?|"
                        r"packages?|artifacts?|versions?)\b|\bskip[-_ ]existing\b", re.I)
# `--skip-existing` told as the change the text makes ("via adding `--skip-existing`", "I added `--skip-existing`"): a
# CI's re-upload of a version already there, answered by skipping the files already on the index
SAID_SKIP_ADDED = re.compile(r"\b(?:add\w{0,3}|us(?:e|ed|ing)|pass\w{0,3}|set\w{0,4})\s(?:the\s)?`?(?:--skip-existing|skip[-_]"
                             r"existing(?::\s?true)?)\b", re.I)
SKIP_ADDED_FIX = ("Upload with `--skip-existing` (twine) or `skip-existing: true` (the publish action), so a job that "
                  "re-uploads a version already on the index skips the files already there; publish new contents as a "
                  "new version.")
_SKIP_GATE = re.compile(r"\bfix\w{0,4}\b|\bpartial\w{0,2}\b|\bhalf\w{0,3}\b|\bre-?run\w{0,3}\b|\bretr(?:y|ied|ies)\b", re.I)
# a version built from a checkout without tags: setuptools-scm's `0.1.dev1`, a `0.0.0` placeholder, a shallow clone
SAID_SHALLOW = re.compile(r"\bshallow (?:clone|checkout|fetch|copy|history)\b|\bfetch[-_]depth\b|\b(?:no|without|missing) "
                           r"(?:git )?(?:tags|history)\b|\b(?:tags?|history) (?:is |are |were |was )?(?:missing|not "
                           r"(?:fetched|available|there|present))\b", re.I)
SHALLOW_VERSION = re.compile(r"(?<![\w.])0\.1\.dev\d{1,3}\b(?!\+)|(?<![\w.])0\.0\.0(?![\w.+])", re.I)
# a name that is someone else's: taken, registered, owned by another, a project "with the same name" already there
_SAID_TAKEN = re.compile(r"(?<!file )\bname\b" + IN_SENTENCE + r"{0,40}?\b(?:(?:is|was|[’']s|has been|had been|been)\s"
                         r"(?:already\s)?(?:taken|in use|registered|claimed|squatted|used)|already\s(?:taken|in use|"
                         r"registered|claimed|exists?|used))\b|\balready (?:an?|one) (?:existing )?(?:project|package|"
                         r"distribution)\b" + IN_SENTENCE + r"{0,40}?\b(?:same|this|that|our|my) name\b|"
                         r"\b(?:project|package|distribution|name)\b" + IN_SENTENCE + r"{0,40}?\b(?:belongs to|owned by|"
                         r"registered by|taken by|used by|claimed by)\b" + IN_SENTENCE + r"{0,20}?\b(?:someone|somebody|"
                         r"another|other|a different)\b|\bsomeone else(?:[’']s)?\b" + IN_SENTENCE + r"{0,40}?\b(?:project|"
                         r"package|name)\b|\bnamespace collision\b|\bname (?:collision|clash|conflict|squat\w{0,3})\b",
                         re.I)
# an upload aimed at another project than the package's own ("aimed to publish Hera at https://pypi.org/project/hera
# rather than https://pypi.org/project/hera-workflows", "published to the wrong PyPI project"): the name the build sends
SAID_WRONG_PROJECT = re.compile(r"\b(?:publish|upload|push|releas|deploy)\w{0,4}\b" + IN_SENTENCE + r"{0,80}?(?:pypi\.org/"
                                r"(?:project|simple)/([\w.-]{1,100}?)/?|\b(?:project|package|name)\s`?([\w.-]{1,100}?)`?)"
                                r"\s(?:rather than|instead of)\s(?:(?:at|to|on)\s)?(?:the\s)?(?:\S{0,40}pypi\.org/(?:project|simple)/"
                                r"([\w.-]{1,100}?)/?(?=[\s,;)]|\.(?!\w)|$)|`?([\w.-]{1,100}?)`?(?=[\s,;)]|\.(?!\w)|$))|"
                                r"\b(?:to|at|on|into)\s(?:the\s)?wrong\s(?:pypi\s)?(?:project|package)\b|"
                                r"\bwrong\s(?:pypi\s)?(?:project|package)\sname\b", re.I)
# the upload account told as needing a role on the project ("You need to add zope.wheelbuilder as a pypi maintainer",
# "it had no role on the project"): the project-not-owned class told as its fix (zope.interface #37)
SAID_ROLE_MISSING = re.compile(r"\b(?:add|added|adding|invite|invited|make|made)\b" + IN_SENTENCE + r"{0,60}?\bas (?:an? |the )?"
                                r"(?:pypi |project |co-?)?(?:maintainer|owner)s?\b|\b(?:no|without|missing|lack\w{0,3}) "
                                r"(?:the |a |any )?(?:maintainer |owner )?role\b" + IN_SENTENCE + r"{0,40}?\b(?:project|"
                                r"package)\b|\bnot (?:a |an )?(?:maintainer|owner|collaborator)s? (?:of|on)\b", re.I)
# an organisation role told as giving no right on the organisation's projects ("added you as Maintainer at the
# organization level … that does not … mean you're permitted to do anything on member projects", "must be added to each
# individual project"): the account needs a role on each project, which no organisation role but Owner gives
SAID_ORG_ROLE_ONLY = re.compile(r"\borgani[sz]ations?\b[^\n]{0,200}?\b(?:(?:not|n[’']t)\b[^\n.]{0,60}?\b(?:permit\w{0,3}|"
                                r"allow\w{0,3}|rights?|access|able)\b[^\n.]{0,60}?\bmember projects?\b|(?:must|needs? to|"
                                r"ha(?:ve|s) to) be added to (?:each|every) (?:individual |single )?project)", re.I)
ORG_ROLE_FIX = ("A role in the organisation gives no upload right on its projects (only its Owners administer them all): an "
                "organisation owner adds the account, or a team it belongs to, with the Maintainer or Owner role in each "
                "project's Collaborators settings; then upload again.")
# an action's major-version tag told as removed, beside a workflow told as failing to run ("removal of `v1` tag … the
# github action creator"): the ref the workflow pins does not resolve, whichever action it is
SAID_ACTION_TAG_GONE = re.compile(r"\b(?:remov\w{1,3}|delet\w{1,3})\s(?:of\s)?(?:the\s)?`?v\d{1,2}`?\s(?:tag|ref)s?\b"
                                  r"(?=[^\n]{0,200}?\bactions?\b)|\bactions?\b[^\n]{0,200}?\b(?:remov\w{1,3}|delet\w{1,3})"
                                  r"\s(?:of\s)?(?:the\s)?`?v\d{1,2}`?\s(?:tag|ref)s?\b", re.I)
WORKFLOW_NOT_RUN = re.compile(r"\b(?:workflow|pipeline)s?\b[^\n.]{0,40}?\b(?:fail\w{0,3} to (?:run|start)|never ran|"
                              r"did(?:n[’']t| not) (?:run|start)|breakage|broke\w{0,2})\b", re.I)
ACTION_TAG_GONE_FIX = ("Pin every action of the workflow to a tag or commit that exists in the action's repository (its "
                       "releases list them; pypa/gh-action-pypi-publish has `release/v1`, never `v1`), then re-run the "
                       "release.")
# the uploader told as hanging for the index's answer after the index took a file ("PyPI accepted the upload but Twine
# remained blocked waiting for an HTTP response for more than five hours"): a timeout that left a partial upload
SAID_HUNG_AFTER_ACCEPT = re.compile(r"\b(?:accepted|received|took|went through|(?:is|was|were) (?:already )?live)\b"
                                    r"[^\n]{0,160}?\b(?:blocked|hung|hangs|hanging|stuck)\b[^\n.]{0,60}?"
                                    r"\b(?:response|reply|answer|hours?|minutes?)\b", re.I)
HUNG_TITLE = "The uploader hung waiting for the index's answer after a file was accepted: a partial upload"
HUNG_FIX = ("Bound each file's upload with a timeout (the step's `timeout-minutes`, or `timeout` around the uploader), "
            "check which files the index has (https://pypi.org/pypi/NAME/VERSION/json) before tagging, and upload only "
            "the missing ones (`twine upload --skip-existing`).")
# a file or the project over the index's size limit (a rate limit is not one)
_LIMIT = r"(?<!rate )(?<!rate-)(?<!request )(?<!api )\b(?:limit|quota|maximum)\b"
_SAID_SIZE = re.compile(r"\btoo (?:large|big|heavy|huge|fat)\b|\b(?:over|above|beyond|exceed\w{0,3}|hit\w{0,4}|"
                        r"reach\w{0,3}|bigger than|larger than)\b" + IN_SENTENCE + r"{0,30}?" + _LIMIT + "|" + _LIMIT
                        + IN_SENTENCE + r"{0,30}?\b(?:exceed\w{0,3}|hit|reached|surpass\w{0,3})\b|"
                        r"\b\d{1,5}(?:\.\d{1,3})? ?[MG]i?B\s?>\s?\d{1,5}(?:\.\d{1,3})? ?[MG]i?B\b|\bfile too large\b|"
                        # a size told as past PyPI's per-file limit (100 MB): "swelled to more than 100MB"
                        r"\b(?:more than|over|above|bigger than|larger than|exceed\w{0,3}|past)\s(?:the\s)?(?:[1-9]\d{2,4} ?MB|"
                        r"\d{1,4}(?:\.\d{1,2})? ?GB)\b", re.I)
# the project's total over PyPI's project limit (10 GB by default), not one file's: PyPI's own words ("Project size too
# large", "total size is 10 GB") and a person's ("the project size", "10GB limit for all releases")
def said_project_total(text: str) -> bool:
    """Whether the log names the project's total over its limit: PyPI's own words, or a total told, unless the text
    names a file's size against a limit in MB (the per-file limit, raised per project, ldcpy: "my file size is greater
    than my 200MB limit", with "total project size" only wondered about)."""
    if re.search(r"Project size too large", text):
        return True
    return bool(SAID_PROJECT_TOTAL.search(text)) and not said_file_limit(text)


def said_file_limit(text: str) -> bool:
    """Whether the log names a file's size against a limit in MB (PyPI's per-file limit)."""
    return bool(_SAID_FILE_LIMIT.search(text))


def stated_file_limit(text: str) -> str:
    """The per-file limit the log states ("Limit for project 'x' is 60 MB", "the upload limit from 60MB", "my 200MB
    limit"), the first told (the one in force; a raise discussed comes later), or "" where it states none: PyPI's
    default moved (60 MB until 2018, 100 MB since), so a figure the log does not give is not said."""
    m = _STATED_FILE_LIMIT.search(text)
    return (m.group(1) or m.group(2)).replace(" ", "") + " MB" if m else ""


_STATED_FILE_LIMIT = re.compile(r"\b(?:Limit for project '[^'\n]{1,200}' is|(?:upload|file[- ]size|per-file|file) limit "
                                r"(?:of|from|is|was|at))\s?(\d{1,4}(?:\.\d{1,2})?) ?MB\b|\b(\d{1,4}(?:\.\d{1,2})?) ?MB "
                                r"(?:upload |file[- ]size |per-file |file )?limit\b(?! (?:in )?total)", re.I)
_SAID_FILE_LIMIT = re.compile(r"\bfile(?:[’']s)? size\b[^.\n]{0,60}?\b\d{1,4} ?MB\b[^.\n]{0,10}?\blimit\b|"
                              r"\bupload limit\b[^.\n]{0,40}?\b\d{1,4} ?MB\b(?! (?:in )?total)", re.I)
SAID_PROJECT_TOTAL = re.compile(r"Project size too large|\btotal (?:project )?size\b|\bproject(?:[’']s)? (?:total )?size\b|"
                                r"\b\d{1,4} ?GB\s(?:\w+\s)?(?:limit|quota|cap|maximum)\b", re.I)
# (a 413 "Request Entity Too Large" is a web server's, not PyPI's: PyPI answers an oversized file with a 400)
_SAID_SIZE_LIMIT = re.compile(r"\b(?:file|project|upload|package)?[- ]?size limit\b|\blimit (?:increase|request)\b|"
                              # "a limitation on the project size … (default 10GB limit for all releases)"
                              r"\blimit(?:ation)?s?\s(?:on|of|for)\s(?:the\s)?(?:project|file|upload|package)(?:[’']s)?\s"
                              r"(?:total\s)?size\b|\b\d{1,4} ?GB\s(?:\w+\s)?(?:limit|quota|cap|maximum)\b",
                              re.I)  # read only in a sentence that says the upload failed
_SIZE_CONTEXT = re.compile(r"pypi|\btwine\b|/legacy/|\bwheels?\b|\.whl\b|\bsdists?\b|\.tar\.gz\b", re.I)
# a dependency PyPI refuses: one given by a git or other URL
_SAID_DIRECT = re.compile(r"\b(?:git|github|vcs|url|repo|repository)(?:[- ]based| repo| url| repository)?[- ]"
                          r"(?:dependenc\w{1,4}|deps?|requirements?)\b|\bdirect (?:url )?references?\b|"
                          r"\bdepend\w{0,6}\b" + IN_SENTENCE + r"{0,30}?\b(?:from|on|via|as|to|pointing to) (?:an? |the |its )?"
                          r"(?:git|github|url|vcs|fork on github|git repo\w{0,6})\b|@ ?git\+|\bgit\+(?:https?|ssh)://", re.I)
# "git/URL references" are a dependency's only with a dependency word beside them (not a repository's links restored)
_SAID_URL_REFERENCE = re.compile(r"\b(?:git|github|vcs|url)(?:[- ]based| url)?[- ]references?\b", re.I)
_DEPENDENCY_WORD = re.compile(r"\bdepend\w{0,6}\b|\bdeps?\b|\brequire(?:s|d|ments?)?\b|\binstall_requires\b|"
                              r"@ ?git\+|\bdirect (?:url )?references?\b", re.I)
# URLs told as what is in `requires_dist` (NVTabular #1728: "urls in our package `requires_dist`"); an invalid
# requires_dist value alone may be a malformed requirement, not a URL
SAID_URL_REQUIRES = re.compile(r"\b(?:urls?|git|vcs|direct (?:url )?references?)\b(?:\s[\w`'-]+){0,3}?\s(?:in|inside|within|"
                               r"from)\s(?:\w+\s){0,3}?`?requires[_-]dist\b|`?\brequires[_-]dist\b`?\s(?:\w+\s){0,2}?"
                               r"(?:contains?|contained|holds?|held|has|had|with|carr(?:y|ies|ied))\s(?:\w+\s){0,2}?"
                               r"(?:urls?|git|direct (?:url )?references?)\b", re.I)
# two build jobs (runners, matrix legs) making wheels of one file name, which collide in the merged artifact and
# garble the file (actions/download-artifact#298; river #1726, scikit-build-core #696, iceberg-python #1622); a file
# name PyPI already holds is another thing (`DUPLICATES_ON_INDEX`)
_SAME_NAME = r"\b(?:the\s)?(?:same|identical|one|a\ssingle)\s(?:file\s?)?names?\b"
SAID_DUPLICATE_NAMES = re.compile(r"\b(?:two|2|three|several|multiple|both)\s(?:\w+\s){0,2}?(?:wheels?|artifacts?|files?|"
                                  r"builds?|jobs?|runners?|matrix (?:entries|legs|jobs))\b" + IN_SENTENCE + r"{0,40}?"
                                  + _SAME_NAME + r"|\bsame[- ]named\s(?:wheels?|artifacts?|files?)\b|"
                                  r"\bduplicate\s(?:wheel|artifact)\s?(?:file\s?)?names?\b|\bduplicate\swheels?\b|"
                                  r"\b(?:wheel|artifact)\s?(?:file\s?)?names?\b" + IN_SENTENCE + r"{0,30}?"
                                  r"\b(?:collid\w{1,3}|clash\w{0,3}|collision)\b", re.I)
# one file of a release (the sdist, a pure-Python wheel) uploaded by every job of a build matrix in the same run: the
# second job's upload is refused as existing (oturns/pandarm #12, "upload the sdist on each platform"): no version bump
_ONE_FILE = r"(?:the\s|an?\s)?(?:sdists?|source dist\w{0,9}|source tarballs?|tarballs?|pure[- ]python wheels?|same files?)\b"
_EVERY_JOB = r"(?:each|every|all(?:\sthe)?)\s(?:\w+\s)?(?:platforms?|jobs?|runners?|matrix\s(?:\w+)|legs?|OS(?:es)?|workers?)\b"
SAID_EVERY_JOB_UPLOADS = re.compile(r"\b(?:upload|push|publish)\w{0,3}\s(?:\w+\s){0,3}?" + _ONE_FILE + r"[^.\n]{0,40}?"
                                    r"\b(?:on|from|in|by|for)\s" + _EVERY_JOB + r"|\b" + _EVERY_JOB + r"\s(?:\w+\s){0,3}?"
                                    r"(?:upload|push|publish)\w{0,3}\s(?:\w+\s){0,2}?" + _ONE_FILE + "|"
                                    # the same files told as uploaded from several jobs ("attempting to upload them from
                                    # multiple jobs"), beside a file refused as already there
                                    r"\b(?:upload|push|publish)\w{0,3}\s(?:\w+\s){0,2}?(?:from|in|on|by)\s(?:multiple|several|"
                                    r"many|different)\s(?:\w+\s)?(?:jobs|runners|matrix (?:jobs|legs|entries))\b", re.I)
EVERY_JOB_FIX = ("Upload the sdist (and any pure-Python wheel) from one job only, or collect every job's files into one "
                 "publish job (upload-artifact per job, download-artifact with `merge-multiple: true`); "
                 "`skip-existing: true` in the other jobs only hides the race between them and is not advised: the version "
                 "needs no bump, the second copy of one file in one run is what PyPI refused.")
GARBLED = re.compile(r"\bcorrupt\w{0,4}\b|\bgarbl\w{1,3}\b|\bmangl\w{1,3}\b|\bBadZip[Ff]ile\b|\bbad magic\b|\bclobber\w{0,4}\b|"
                      r"\boverwr\w{1,6}\b|\bcollid\w{1,3}\b|\bcollision\b|\bconflict\w{0,3}\b|\bclash\w{0,3}\b|"
                      r"\b(?:broken|invalid|unreadable)\s(?:zip|wheels?|archives?)\b|\bduplicate\swheels?\b", re.I)
DUPLICATES_ON_INDEX = re.compile(r"\balready[- ](?:exist\w{0,3}|there|on (?:test\.?)?pypi|uploaded|published)\b|"
                                 r"\bexists? already\b|\b409\b|\bFile already exists\b|\bskip[-_ ]existing\b", re.I)
# files of an earlier build left in (or committed to) `dist/` and uploaded beside this build's (SmartBase-SK
# django-smartbase-admin #201): their version is already on the index; a step that cleans them is no such telling
_STALE = r"\b(?:stale|old|older|previous|leftover|left-over|outdated|committed|tracked)\b"
SAID_STALE_DIST = re.compile(_STALE + r"\s(?:[\w.`-]+\s){0,2}?(?:wheels?|files?|builds?|artifacts?|dists?|distributions?|"
                             r"sdists?|packages?)\s(?:\w+\s){0,2}?(?:in|inside|under|left in|from)\s(?:the\s)?`?dist\b(?![-_.]\w)|"
                             r"`?\bdist/?`?\s(?:folder\s|directory\s|dir\s)?(?:was|is|were|got|had been)\s(?:\w+\s)?"
                             r"(?:committed|tracked|checked in)\b|"
                             # builds of several versions told as sitting in dist/ ("I have multiple versions under dist/")
                             r"\b(?:multiple|several|many|various|different|all (?:the |my )?(?:old )?)\s?(?:\w+\s)?versions\s"
                             r"(?:\w+\s){0,2}?(?:in|inside|under)\s(?:the\s|my\s)?`?dist\b(?![-_.]\w)|"
                             + _STALE + r"\s(?:[\w.`-]+\s){0,2}?(?:wheels?|files?|builds?|artifacts?|dists?|distributions?|"
                             r"sdists?)\b" + IN_SENTENCE + r"{0,60}?\b(?:alongside|beside|next to|along with|together with)"
                             r"\s(?:the\s)?(?:current|new|fresh|latest)\s(?:build|wheels?|files?|release|version|dists?)\b",
                             re.I)
_BEFORE_BUILD = re.compile(r"\bbefore\s(?:the\s|each\s|a\s)?(?:build|building)\b", re.I)
# a sentence that tells the old files cleaned (on purpose, or by a step) tells no stale upload
CLEANED = re.compile(r"\b(?:clean\w{0,3}|remov\w{1,3}|delet\w{1,3}|wip(?:e|es|ed|ing)|purg\w{1,3}|clear\w{0,3}|rm -rf)\b",
                      re.I)
# nothing built to upload, told as such: `dist/` empty, a release tool that made no release ("When PSR finds no
# releasable commits, `dist/` is empty and the publish action errors")
SAID_DIST_EMPTY = re.compile(r"`?\bdist/?`?\s(?:folder\s|directory\s|dir\s)?(?:is|was|were|stays|stayed|remains|remained|"
                             r"ends up|ended up|is left|was left)\s(?:still\s|completely\s|then\s)?empty\b|"
                             r"\bempty\s`?dist/?`?(?:\s(?:folder|directory|dir))?\b|\bnothing\s(?:was\s|is\s|gets\s|got\s)?"
                             r"(?:built|to (?:upload|publish))\b", re.I)
SAID_NO_RELEASE = re.compile(r"\bno\s(?:new\s)?releasable\scommits?\b|\bno\s(?:new\s)?release\s(?:was\s|is\s|gets\s|got\s)?"
                             r"(?:made|created|cut|needed|published|required)\b|\bnothing\sto\srelease\b|"
                             r"\b(?:semantic-release|psr|release-please)\b" + IN_SENTENCE + r"{0,40}?\b(?:made|created|"
                             r"found|makes|creates|finds)\sno\s(?:new\s)?(?:release|version|releasable)\b|\bno\snew\sversion\b",
                             re.I)
# the publish action told as pinned to an old release ("The version set for `gh-action-pypi-publish` is 3 years old and
# the deploy is failing"); not a move away from an old one
_OLD = r"(?:\d{1,2}\s(?:years?|months?)\sold|old|outdated|stale|out[- ]of[- ]date|ancient|deprecated|sunset)"
SAID_ACTION_OLD = re.compile(r"\b(?:version|pin|ref|tag|release)s?\s(?:\w+\s)?(?:for|of|on)\s(?:the\s)?" + _ACTION
                             + r"\W{0,3}\s(?:is|was|being)\s(?:\w+\s){0,3}?" + _OLD + r"\b|"
                             + _ACTION + r"\W{0,3}\s(?:is|was)\s(?:pinned\s(?:to|at)\s)?(?:\w+\s){0,3}?" + _OLD + r"\b|"
                             r"\b" + _OLD + r"\s(?:\w+\s){0,2}?(?:version|pin|release|ref|tag)s?\s(?:of|for)\s(?:the\s)?"
                             + _ACTION, re.I)
_MOVED_OFF = re.compile(r"\b(?:upgrad|updat|bump|mov|switch|migrat|chang)\w{0,3}\b" + IN_SENTENCE + r"{0,40}?\b(?:from|to)\b", re.I)
# the `id-token: write` permission missing from the publishing job
_ID_TOKEN = r"(?:\bid[-_ ]tokens?\b|\boidc (?:token )?(?:permissions?|privileges?)\b)"
_MISSING = r"\b(?:missing|lack\w{0,3}|without|forg[eo]t\w{0,3}|no|not (?:set|granted|given)|insufficient)\b"
_SAID_ID_TOKEN = re.compile(_MISSING + IN_SENTENCE + r"{0,40}?" + _ID_TOKEN + "|" + _ID_TOKEN
                            + IN_SENTENCE + r"{0,20}?\b(?:permissions? )?(?:is |was |were )?(?:missing|not set|"
                            r"not granted|lacking)\b|" + _ID_TOKEN + IN_SENTENCE  # "the OIDC privilege isn't enabled"
                            + r"{0,20}?\b(?:is|was|were|are)(?:n[’']t|\snot)\s(?:\w+\s)?enabled\b", re.I)
_SAID_ID_TOKEN_ADDED = re.compile(r"\b(?:add\w{0,3}|grant\w{0,3}|giv(?:e|es|ing|en)|set\w{0,4}|includ\w{1,3})\b"
                                  + IN_SENTENCE + r"{0,40}?" + _ID_TOKEN, re.I)  # with a change told as the fix
_PYTHON_PUBLISH = re.compile(r"pypi|\btwine\b|\b(?:uv|poetry|pdm|hatch|flit|maturin)\b|trusted[ -]publish|"
                             r"gh-action-pypi-publish|\bpython\b", re.I)
_NOT_PYTHON = re.compile(r"\bnpm\b|NPM_TOKEN|\bcargo\b|\bcrates?\b|\bgems?\b|\bmaven\b|\bjsr\b|\baws\b|\bgcp\b|"
                         r"\bgoogle\b|\bazure\b|\bvault\b|\bcosign\b|\bprovenance\b", re.I)
_SAID_CREDENTIALS = re.compile(r"\b(?:credentials?|passwords?|api[ _-]?tokens?|tokens?|secrets?|authenticat\w{1,5})\b|"
                               r"\b(?:test)?pypi(?: account)?[ -]log-?ins?\b|\blog(?:ging)?[ -]?in\w{0,2}\s(?:to|into|on|at)\s"
                               r"(?:test\.?)?pypi\b", re.I)
_SAID_URL = re.compile(r"\b(?:url|endpoint|repository)\b" + IN_SENTENCE + r"{0,40}?\bnot found\b|\bnot found\b"
                       + IN_SENTENCE + r"{0,30}?\b(?:url|endpoint)\b", re.I)
# the upload URL told as wrong ("Wrong URL for test-pypi prevented publishing packages"), not a URL of the docs or README
SAID_WRONG_URL = re.compile(r"\b(?:wrong|incorrect|bad|invalid|mistyped|misspel\w{1,3}|outdated|old)\s(?:upload\s|"
                            r"repository\s|index\s|publish(?:ing)?\s|test[- ]?pypi\s|pypi\s)?(?:url|endpoint)s?\b", re.I)
# PyPI's upload address given as what one must now set, beside the old one told as no longer working (openego/eTraGo
# #100: "not possible anymore … with that https. Now you have to enter this address: repository:https://upload.pypi.org/
# legacy/"): the retired address was the upload's
SAID_NEW_ADDRESS = re.compile(r"\b(?:have to|has to|had to|must|need(?:s|ed)? to|should)\s(?:\w+\s){0,2}?(?:enter|use|set|"
                              r"give|put|point|change|switch|specify)\w{0,3}\b" + IN_SENTENCE
                              + r"{0,80}?(?:upload|test)\.pypi\.org/legacy\b", re.I)
_OLD_ADDRESS = re.compile(r"\bno longer\b|\banymore\b|\bold\s(?:\w+\s)?(?:url|address|endpoint|server|site|pypi)\b|"
                          r"\b(?:has\s|have\s)?moved\b|\bretired\b|\bdeprecated\b|\bpypi\.python\.org\b", re.I)
# an index's `/simple/` URL (PEP 503's read-only API for installers) told as the upload's target or as taking no uploads
# ("pypi.org/simple is a read-only index for installers and cannot accept uploads")
SAID_SIMPLE_URL = re.compile(r"/simple\b/?" + IN_SENTENCE + r"{0,60}?(?:\bread[- ]only\b|\b(?:can(?:no|[’'])?t|"
                             r"(?:does|do|will|would)(?:n[’']t| not)|won[’']t)\s(?:\w+\s)?(?:accept|take|receive)\s(?:any\s)?"
                             r"uploads?\b|\bnot an? (?:upload|publish\w{0,3}) (?:target|endpoint|url)\b)|\b(?:point\w{0,3}|"
                             r"upload\w{0,3}|publish\w{0,3})\b" + IN_SENTENCE + r"{0,30}?\b(?:to|at)\s(?:the\s)?(?:\S{0,40}/simple\b|"
                             r"simple (?:index|api))", re.I)
_URL_ELSEWHERE = re.compile(r"\b(?:readme|badges?|docs?|documentation|homepage|home-page|project[_ -]urls?|links?|"
                            r"changelog|source|download[_ -]url|webhook|callback)\b", re.I)
# credentials told as misconfigured or wrong ("a misconfiguration of the credentials", "the token is wrong")
_CRED = r"\b(?:credentials?|passwords?|api[ _-]?tokens?|tokens?|secrets?)\b"
SAID_CRED_MISCONFIG = re.compile(r"\bmisconfigur\w{0,6}\b" + IN_SENTENCE + r"{0,30}?" + _CRED + "|" + _CRED + IN_SENTENCE
                                 + r"{0,30}?\b(?:misconfigur\w{0,6}|(?:is|are|was|were)\s(?:wrong|incorrect|invalid))\b", re.I)
# an uploader's credential variable told as unset ("`TWINE_USERNAME` was not set in sdist upload jobs")
SAID_VAR_UNSET = re.compile(r"\b(?:TWINE|PYPI|TEST_?PYPI|FLIT|HATCH_INDEX|UV_PUBLISH|POETRY_PYPI|POETRY_HTTP_BASIC_PYPI)_"
                            r"(?:USERNAME|USER|PASSWORD|TOKEN|API_TOKEN|AUTH)\b`?\s(?:(?:is|was|were|are)\s(?:not|never)|"
                            r"(?:wasn|isn|weren|aren)[’']t)\s(?:being\s)?(?:set|passed|provided|given|defined|exported)\b|"
                            r"\b(?:TWINE|PYPI|FLIT|HATCH_INDEX|UV_PUBLISH)_(?:USERNAME|USER|PASSWORD|TOKEN|API_TOKEN|AUTH)\b`?"
                            r"\s(?:is\s|was\s)?(?:missing|unset|empty)\b", re.I)
_OIDC_SAID = re.compile(r"\btrusted[ -]publish|\boidc\b|\bid-token\b", re.I)  # not an API token's refusal
# an uploader told as having got no password and tried Trusted Publishing instead ("Twine received no password and
# attempted unconfigured OIDC publishing"): the empty secret's fallback, not a refused token
SAID_FELL_BACK = re.compile(r"\b(?:received|got|had|found|given|with|without)\s(?:no|an empty|a blank|any)\s(?:\w+\s)?"
                            r"(?:passwords?|tokens?|credentials?)\b" + IN_SENTENCE + r"{0,60}?\b(?:attempt\w{0,3}|tr(?:y|ied|ies)|"
                            r"fell back|falls? back|fallback|went on)\b" + IN_SENTENCE + r"{0,40}?(?:\boidc\b|trusted[ -]publish)",
                            re.I)
# the workflow file told as renamed where a push to PyPI failed: the trusted publisher names the old file
SAID_WORKFLOW_RENAMED = re.compile(r"\bworkflow(?:\sfile)?\b" + IN_SENTENCE + r"{0,40}?\brenam\w{0,4}\b|\brenam\w{0,4}\b"
                                   + IN_SENTENCE + r"{0,30}?\bworkflow(?:\sfile)?\b", re.I)
_TOKEN_SAID = re.compile(r"\bapi[ _-]?tokens?\b|\bpasswords?\b", re.I)
# a credential told as never given to the upload ("the API token stopped being passed", "the password is not set"):
# nothing reached the index, so nothing was refused
SAID_NOT_PASSED = re.compile(_CRED + IN_SENTENCE + r"{0,30}?\b(?:stopped being (?:passed|set|provided|forwarded)|"
                             # a negation is needed for passed/set ("the token was set" is no missing token)
                             r"(?:(?:is|was|were|are)\s(?:not|never)|wasn[’']t|isn[’']t|weren[’']t|aren[’']t)\s(?:being\s)?"
                             r"(?:passed|set|provided|forwarded)\b|(?:is|was|were|are)\s(?:missing|unset)\b|"
                             r"(?:not|never) (?:being )?(?:passed|set|provided|forwarded)\b|missing\b|unset\b)|"
                             r"\b(?:missing|unset)\s(?:the\s)?(?:pypi\s)?" + _CRED, re.I)
# the secrets themselves told as absent from the repository ("the missing secrets", "secrets … set on the repo"), not
# a secret that exists and did not reach the step
SAID_SECRET_ABSENT = re.compile(r"\bmissing (?:\w+ )?secrets?\b(?! (?:in|from|to) (?:the |this |that )?(?:step|job|env))|"
                                r"\bsecrets?\b" + IN_SENTENCE + r"{0,80}?\b(?:on|in|for|to) (?:the |this |our |that )?"
                                r"(?:repo|repository|organi[sz]ation|org)\b", re.I)
# a README told as not rendering on PyPI, in a sentence that need not name PyPI ("The README.rst file is currently
# unable to render"): read where the text names PyPI elsewhere, and not where the sentence names another renderer
SAID_UNRENDERABLE = re.compile(r"\b(?:readme|long[ _]description)\b" + IN_SENTENCE + r"{0,40}?(?:(?:\b(?:un|not |no "
                               r"longer )able to|\bcan(?:no|[’'])?t|\bcould(?:n[’']t| not)|\b(?:does|did|do|would|will|wo)"
                               r"(?:n[’']t| not)|\bfail\w{0,3} to|\bnever)\s(?:\w+\s)?(?:be\s)?render\w{0,3}\b|"
                               r"\b(?:unrenderable|non-?rendering)\b)", re.I)
RENDERER_ELSEWHERE = re.compile(r"\bgit(?:hub|lab|ea)\b|\bbitbucket\b|\bsphinx\b|\bread ?the ?docs\b|\bmkdocs\b|"
                                r"\b(?:docs?|documentation) (?:site|page|build)\b|\bvs ?code\b|\bpycharm\b|\bjupyter\b|"
                                r"\blocally\b|\bin (?:the|my|your) (?:editor|browser|ide)\b", re.I)
_PYPI_WORD = re.compile(r"\b(?:test\.?)?pypi\b", re.I)
# a Metadata-Version told as refused ("every wheel had `Metadata-Version: 2.5`, which the pinned validator rejects");
# a field of the metadata named with it is that field's refusal (License-File under 2.2), not the version's
SAID_METADATA_VERSION = re.compile(r"\b(?:metadata[- ]version\b\W{0,3}|core[- ]metadata\s(?:v(?:ersion\s)?)?)"
                                   r"(2\.[2-9]|[3-9]\.\d{1,2})\b", re.I)  # the versions older
# uploaders did not know (2.2 and later), not the 1.0 that twine's "Metadata is missing required fields" prints
_METADATA_FIELD = re.compile(r"\blicen[cs]e[-_ ](?:files?|expression)\b|\bdynamic\b|\brequires[-_ ]dist\b|"
                             r"\bprovides[-_ ]extra\b|\bproject[-_ ]url\b", re.I)
# a trusted publisher left stale by a renamed repository ("a pypi stale configuration as the repo name was changed"):
# both told, the staleness of PyPI's side and the rename of the repository, owner or organisation
_REPO = r"\b(?:repo\w{0,8}|org\w{0,10}|owner|namespace|github (?:user|account))\b"
SAID_STALE_PUBLISHER = re.compile(r"\b(?:stale|outdated|obsolete|out[- ]of[- ]date|old)\s(?:\w+\s){0,2}?(?:configurations?|"
                                  r"config|publishers?|settings?|entr(?:y|ies))\b|\b(?:trusted\s)?publishers?\b"
                                  + IN_SENTENCE + r"{0,40}?\bstill\s(?:\w+\s){0,2}?(?:old|previous|former)\b", re.I)
SAID_REPO_RENAMED = re.compile(_REPO + r"(?:\s(?:name|was|were|has|had|been|got|is|just)){0,3}\s(?:renamed|changed|moved|"
                               r"transferred)\b|\brenam\w{1,3}\b" + IN_SENTENCE + r"{0,30}?" + _REPO + "|" + _REPO
                               + r"\s(?:rename|move|transfer)\b", re.I)
# a repository move told by its two names ("changed our project name from ezyang/tlparse to pytorch/tlparse"), or a
# rename told as a noun ("the chatgpt2agent rename broke …")
SLUG_MOVED = re.compile(r"\bfrom\s`?([\w.-]{1,40}/[\w.-]{1,100}?)`?\s(?:to|into)\s`?([\w.-]{1,40}/[\w.-]{1,100}?)`?"
                        r"(?=[\s,;:)]|\.(?!\w)|$)", re.I)
MOVED = re.compile(SAID_REPO_RENAMED.pattern + r"|" + SLUG_MOVED.pattern + r"|\brenam(?:e|es|ed|ing)\b", re.I)
# the trusted publisher (the OIDC exchange) told as broken or no longer recognising the workflow; read only beside a
# rename or move of the repository
_OIDC_WORDS = r"(?:\btrusted[ -]publish\w{0,3}\b|\boidc\b|\bopen ?id(?: ?connect)?\b|\bopenconnect\b)"
SAID_PUBLISHER_LOST = re.compile(_OIDC_WORDS + r"(?:[^.]|\.(?=\w)){0,40}?\b(?:broke|broken|no longer (?:match|work|recogni[sz]|"
                                 r"accept)\w{0,3}|stopped (?:working|matching))\b|\b(?:broke|broken|break\w{0,3}|no longer "
                                 r"(?:recogni[sz]|accept|match)\w{0,3})\b(?:[^.]|\.(?=\w)){0,60}?" + _OIDC_WORDS, re.I)
_PUBLISHER_SIDE = re.compile(r"\b(?:test\.?)?pypi\b|\btrusted[ -]publish", re.I)
# a step that cleaned `dist` before the upload ("a checkout step was cleaning the repository (that includes the `dist`
# directory)"): not a cleaning of old files before a build, which is what keeps stale files out of an upload
_WIPER = (r"\b(?:clean\w{0,3}|wip(?:e|es|ed|ing)|delet\w{1,3}|remov\w{1,3}|eras\w{1,3}|clear\w{0,3}|purg\w{1,3}|"
          r"empt(?:y|ies|ied|ying)|overwr\w{1,6})\b")
_STEP = r"\b(?:checkouts?|steps?|actions?|jobs?|git clean|actions/checkout)\b"
SAID_DIST_WIPED = re.compile(_STEP + IN_SENTENCE + r"{0,40}?" + _WIPER + IN_SENTENCE + r"{0,80}?`?\bdist\b(?![-_.]\w)|"
                             r"`?\bdist\b(?![-_.]\w)[`/]{0,2}(?:\s(?:directory|folder|dir))?\s(?:was|were|is|got|gets|had been)\s"
                             r"(?:\w+\s)?" + _WIPER + IN_SENTENCE + r"{0,30}?\bby\b" + IN_SENTENCE + r"{0,30}?" + _STEP, re.I)
# a CI deploy provider's own cleanup notice (Travis dpl's `git stash --all` before the upload), told in a sentence as what
# failed the deploy: the working tree reset, the build's files gone; the cleanup itself failing is no such reading
CI_CLEANUP = re.compile(r"Cleaning up git repository with `?git stash --all|If you need build artifacts for deployment, "
                        r"set `?deploy\.skip_cleanup", re.I)
STASH_FAILED = re.compile(r"Could not restore untracked files from stash", re.I)  # the cleanup itself failing
SAID_CLEANUP_FAILED = re.compile(r"\b(?:fail\w{0,4}|broke\w{0,2}|removed?|deleted?|wiped?)\b[^.\n]{0,80}?\bclean-?\s?up\b|"
                                 r"\bclean-?\s?up\b[^.\n]{0,80}?\b(?:removed?|deleted?|wiped?|fail\w{0,4})\b", re.I)
CLEANUP_TITLE = ("The CI deploy's own cleanup (`git stash --all`) reset the working tree before the upload, so files the "
                 "upload needed were gone")
CLEANUP_FIX = ("Keep the build's output through the cleanup (Travis: `skip_cleanup: true`; dpl v2: `cleanup: false`), or "
               "let the cleanup run and regenerate what the upload needs after it (a build the deploy runs itself, such "
               "as the PyPI provider's `distributions:`), then deploy again.")
CLEANED_ON_PURPOSE = re.compile(r"\b(?:old|stale|previous|leftover|outdated)\s(?:\w+\s)?(?:files?|wheels?|builds?|"
                                 r"artifacts?|dists?|distributions?|versions?)\b|\bbefore\s(?:the\s|each\s|a\s)?"
                                 r"(?:build|building)\b", re.I)
# PyPI's rate limit told in a sentence: its 429, "too many requests", a rate limit, the limit on new projects; not the
# rate limit of GitHub's API or of a container registry
SAID_RATE_LIMIT = re.compile(r"(?<![#\w.-])429s?(?![\w-]|\.\d)|\btoo many requests\b|\brate[- ]limit\w{0,3}\b|"
                             r"\bnew[- ]projects?\s(?:\w+\s)?(?:registrations?|creations?|limit)\b", re.I)
_RATE_ELSEWHERE = re.compile(r"\bgithub(?:[’']s)? (?:api|rest|graphql)\b|\bapi\.github\.com\b|\bdocker ?hub\b|\bghcr\b|"
                             r"\bsecondary rate\b", re.I)
# a newer metadata format told as one an older uploader cannot read ("the new metadata format … the version of
# `pypa/gh-action-pypi-publish` we are using is not compatible")
_NEW_METADATA = (r"\b(?:new(?:er|est)?|latest|recent|updated)\s(?:core\s)?metadata(?:[- ](?:version|format|spec\w{0,9}|"
                 r"standard)s?)?\b")
_OLD_READER = r"(?:\btwine\b|\bpkginfo\b|gh-action-pypi-publish\b|\bpublish(?:ing)? action\b)"
_INCOMPATIBLE = (r"(?:\bnot compatible\b|\bincompatible\b|\bunsupported\b|\bnot support\w{0,3}\b|(?:\bcan(?:no|[’'])?t|"
                 r"\bcould(?:n[’']t| not)|\b(?:does|did|do)(?:n[’']t| not))\s(?:yet\s)?(?:read|handle|parse|understand|"
                 r"support|know)\b|\btoo old\b)")
SAID_NEW_METADATA = re.compile(_NEW_METADATA + IN_SENTENCE + r"{0,160}?" + _OLD_READER + IN_SENTENCE + r"{0,80}?"
                               + _INCOMPATIBLE + "|" + _OLD_READER + IN_SENTENCE + r"{0,80}?" + _INCOMPATIBLE
                               + IN_SENTENCE + r"{0,80}?" + _NEW_METADATA, re.I)
# a Metadata-Version (2.2 and later) told beside a reader that knows only older ones ("the distributions declare
# Metadata-Version 2.5, and packaging 24.2 only knows up to 2.4", QunaSys/quri-sdk #592)
_METADATA_READER = r"\b(?:twine|pkginfo|packaging)\b(?:\W{1,3}v?\d{1,2}(?:\.\d{1,3}){1,2})?"
# (a reader "rejects" or "refuses" the version: notte #952's "Twine, running with the locked `packaging==25.0`, rejects
# the generated Core Metadata 2.5 distributions")
_KNOWS_ONLY_OLDER = (r"(?:\bonly\s(?:knows|supports|understands|reads|handles|accepts)\s(?:\w+\s)?(?:up\sto\s|until\s)?"
                     r"(?:metadata[- ]version\s)?(?:2\.[0-4]|1\.\d)\b|\b(?:reject|refus)(?:e|es|ed|ing|s)?\b|" + _INCOMPATIBLE + ")")
# the version told as "Metadata-Version 2.5", "Core Metadata 2.5" or "metadata v2.5"
_NEWER_VERSION = r"\b(?:metadata[- ]version\b\W{0,3}|(?:core[- ])?metadata\s(?:v(?:ersion\s)?)?)(?:2\.[2-9]|[3-9]\.\d)\b"
SAID_METADATA_BEYOND = re.compile(_NEWER_VERSION + IN_SENTENCE + r"{0,120}?"
                                  + _METADATA_READER + IN_SENTENCE + r"{0,30}?" + _KNOWS_ONLY_OLDER + "|" + _METADATA_READER
                                  + IN_SENTENCE + r"{0,30}?" + _KNOWS_ONLY_OLDER + IN_SENTENCE + r"{0,120}?"
                                  + _NEWER_VERSION, re.I)
# actions/upload-artifact v4's immutable artifacts told as what kept the files from the upload ("cannot change existing
# artifact", "each job … its own named artifact"): the matrix jobs' files never came together
SAID_ARTIFACT_IMMUTABLE = re.compile(r"\bupload-artifact@v[4-9]\b" + IN_SENTENCE + r"{0,80}?(?:\b(?:can(?:no|[’'])?t|could(?:n[’']t|"
                                     r" not)|no longer|not)\s(?:be\s)?(?:change|modif|updat|append|add|overwrit|re-?upload)"
                                     r"\w{0,4}\b" + IN_SENTENCE + r"{0,30}?\bartifacts?\b|\bimmutable\b|\b(?:own|unique|"
                                     r"distinct)\s(?:\w+\s)?artifacts?\b)", re.I)
# `uv build` in a workspace member told as writing to the workspace root's `dist/` (aegra #181): the member's own
# `dist/`, where the artifact upload looked, stayed empty
SAID_UV_WORKSPACE_DIST = re.compile(r"\buv build\b" + IN_SENTENCE + r"{0,160}?\bworkspace(?:[- ]root|[’']s root|[’']s "
                                    r"`?dist|\sdist)\b|\bworkspace[- ]root\b" + IN_SENTENCE + r"{0,100}?\buv build\b", re.I)
# the uploader's options told as given in the wrong place, or its .pypirc as of an old or broken format
_OPTION = r"(?:`?--[\w-]{2,40}`?(?:\s(?:argument|option|flag))?|\b(?:arguments?|options?|flags?)\b)"
SAID_OPTION_ORDER = re.compile(_OPTION + IN_SENTENCE + r"{0,20}?\b(?:has|have|needs?|must|should)\s(?:to\s)?(?:come|go|be\s"
                               r"(?:placed|put|passed|given))\s\W{0,2}(?:after|before)\W{0,2}\s" + IN_SENTENCE + r"{0,20}?"
                               r"\b(?:twine|flit|uv|poetry|hatch|pdm)\b", re.I)
# an option told as given to an uploader's command by mistake ("I included the `--repository pypi` argument in … the
# `uv publish` command … a mistake … taken over from the documentation"): the command does not take it, no error quoted
UPLOAD_COMMAND = r"\b(?:(?:uv|poetry|pdm|hatch|flit|maturin)\spublish|twine\supload)\b"
SAID_OPTION_TO = re.compile(r"`(--[\w-]{2,40})(?:[ =][^`\s]{1,60})?`" + IN_SENTENCE + r"{0,100}?`?" + UPLOAD_COMMAND + "|"
                            + UPLOAD_COMMAND + IN_SENTENCE + r"{0,60}?`(--[\w-]{2,40})(?:[ =][^`\s]{1,60})?`", re.I)
_OPTION_MISTAKEN = re.compile(r"\bmistak\w{1,4}\b|\bby accident\b|\baccidental\w{0,3}\b|\berroneous\w{0,3}\b|"
                              r"\b(?:must|should|needs? to) be (?:removed|dropped|deleted)\b|"
                              r"\b(?:does|do|did)(?:n[’']t| not) (?:support|accept|take|have|know|recogni[sz]e)\b|"
                              r"\bunsupported (?:option|argument|flag)\b|\b(?:unknown|unexpected) (?:option|argument|flag)\b|"
                              r"\b(?:copied|taken over|carried over) from\b", re.I)
SAID_PYPIRC_FORMAT = re.compile(r"\.?pypirc\b" + IN_SENTENCE + r"{0,40}?\b(?:legacy|old|outdated|malformed|invalid|wrong|"
                                r"broken|deprecated)\b|\b(?:legacy|old|outdated|malformed|invalid|wrong|broken|deprecated)\s"
                                r"(?:\w+\s)?\.?pypirc\b", re.I)
_UPLOADER_WORD = re.compile(r"\b(?:twine|flit|uv|poetry|hatch|pdm)\b", re.I)
# a password that is not PyPI's: gpg's or gpg-agent's, ssh's, sudo's, a signing key's passphrase
LOCAL_SECRET = re.compile(r"\b(?:gpg(?:-agent|2)?|gnupg2?|pgp|ssh(?:-agent)?|sudo|signing key|secret key|private key)"
                          r"(?:[’']s)?(?:\s[\w-]{1,20}){0,3}?\s(?:passwords?|passphrases?|pins?)\b|\b(?:passwords?|"
                          r"passphrases?)\b(?:\s[\w-]{1,20}){0,3}?\s(?:of|for)\s(?:the\s|my\s|your\s|a\s)?(?:gpg|gnupg|"
                          r"pgp|signing|ssh|sudo)\b", re.I)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z`\"'(])")


# services a CI job uploads to besides the index: a sentence of their error is theirs (codecov's "upload token")
_OTHER_SERVICE = re.compile(r"codecov|coveralls|sonarcloud|sonarqube|codeclimate|\bquay\.io\b|\bs3://|"
                            r"amazonaws\.com|storage\.googleapis|\bhelm\b|\bcharts?\b|\bgh-pages\b|"
                            r"\b(?:upload|download)-artifact\b|\brelease[ _-]?assets?\b|\buploads\.github\.com\b|"
                            r"\bgh release\b|\baction-gh-release\b|\bgit lfs\b|\bzenodo\b|"
                            r"\bhugging ?face\b|\bhf hub\b", re.I)


@dataclass(frozen=True)
class _Said:
    """A row of what `_said_object` reads: the finding of a sentence that names this refused object."""
    finding: str
    all_of: Tuple["re.Pattern[str]", ...]  # every one must match the sentence
    none_of: Tuple["re.Pattern[str]", ...] = ()  # none may
    upload_url: bool = False  # the log must also name an upload URL of PyPI
    upload_named: bool = False  # the sentence must name PyPI or the upload, not only a release job (`_ABOUT_RELEASE`)


_ACCOUNT_SAID = re.compile(_TWO_FACTOR + r"|\busernames?\b[^.]{0,8}?(?:and|or|/)\s{0,3}passwords?\b", re.I)
# the refused objects a sentence may name, most specific first
# the job's GITHUB_TOKEN told as short of a scope ("the GITHUB_TOKEN only had read access", "a permissions issue", "add
# `contents: write`"), beside a write to GitHub it refused (a GitHub release, its assets, a pushed tag or commit)
SAID_TOKEN_SCOPE = re.compile(r"\bGITHUB_TOKEN\b" + IN_SENTENCE + r"{0,60}?\b(?:read[- ]only|read access|lack\w{0,3}|"
                              r"insufficient|missing|permissions?|scopes?)\b|\bread[- ]only\s(?:default\s)?(?:GITHUB_TOKEN|"
                              r"token)\b|\bgithub-actions\[bot\]|\bcontents\W{0,2}:\s?write\b|\bworkflow permissions\b|"
                              r"\bpermissions? (?:issue|problem|error)s?\b", re.I)
# GitHub refusing a release asset for another reason than the token's scope (an immutable release's 422)
_GITHUB_REFUSED_ELSE = re.compile(r"\b422\b|\bimmutable\b|Unprocessable", re.I)
# a write told as done ("the failed release still landed the bot's bump commit on `main`"), with no refusal in the
# sentence: GitHub took the token's write, so no scope was short
WRITE_LANDED = re.compile(r"^(?!.*\b(?:denied|refus\w{1,3}|403|forbidden|not accessible|not (?:permitted|allowed)|"
                          r"read[- ]only|declined|rejected)\b).*\b(?:landed|went through|succeeded|was pushed|were pushed)\b",
                          re.I | re.S)
SAID_GITHUB_WRITE = re.compile(r"\bGitHub releases?\b|\brelease assets?\b|\bgh release\b|"
                               r"\bpush\w{0,3}\b" + IN_SENTENCE + r"{0,40}?\b(?:tags?|commits?|branch|main|master)\b|"
                               r"\b(?:tags?|commits?)\b" + IN_SENTENCE + r"{0,30}?\bpush\w{0,3}\b", re.I)


# the summary (setup()'s `description`, `[project] description`) told as over PyPI's length limit ("PyPI's 512 character
# limit for summary/description field", "descriptions being too long"), not the README's long description
_SUMMARY_WORD = r"\b(?:summary|summaries|descriptions?)\b"
_TOO_LONG = (r"(?:\btoo long\b|\blonger than\b|\bexceed\w{0,3}\b|\bover\b|\bmore than\b)" + IN_SENTENCE + r"{0,30}?"
             r"\b\d{2,4}[- ]char\w{0,7}\b|\btoo long\b|\b\d{2,4}[- ]char(?:acter)?s?\s(?:limit|max\w{0,4})\b")
SAID_SUMMARY_LONG = re.compile(_SUMMARY_WORD + IN_SENTENCE + r"{0,60}?(?:" + _TOO_LONG + r")|(?:" + _TOO_LONG + r")"
                               + IN_SENTENCE + r"{0,40}?" + _SUMMARY_WORD, re.I)
_LONG_DESCRIPTION = re.compile(r"\blong[_ -]description\b|\breadme\b|\bfile name\b|\bfilename\b|\bpath\b", re.I)
SUMMARY_LONG_FIX = ("Shorten the summary to at most 512 characters on one line (PyPI's limit for the Summary field): it is "
                    "setup()'s `description` or `description` in pyproject.toml's `[project]`, not the README; rebuild "
                    "and upload.")


def summary_too_long(whole: str) -> bool:
    """The summary told (or refused) as longer than PyPI takes, in a text that is not about the README."""
    return any(SAID_SUMMARY_LONG.search(s) and not _LONG_DESCRIPTION.search(s) for s in SENTENCE_END.split(whole)) \
        or bool(re.search(r"\bsummary\b[^\n]{0,80}?\b(?:at most|longer than|cannot be longer than)\s512\b", whole, re.I))


# classifiers told as invalid in a sentence, read within the sentence (a dotted file name, `pyproject.toml`, inside it;
# cogstack-nlp #45: "some of the classifiers set in `pyprojec.toml` were invalid"), with no server message quoting one
SAID_CLASSIFIER = re.compile(r"\bclassifiers?\b" + IN_SENTENCE + r"{0,60}?\b(?:typo|invalid|unknown|wrong|misspel|not "
                             r"(?:exist|in|listed|valid|allowed)|does(?:n[’']t| not) exist)", re.I)
_CLASSIFIER_QUOTED = re.compile(r"is not a valid classifier|Invalid classifier\b|Invalid value for classifiers|"
                                r"400 Client Error: \[['\"][A-Z]", re.I)
CLASSIFIER_SAID_FIX = ("Compare each classifier with https://pypi.org/classifiers/ where the project declares them "
                       "(`classifiers` in pyproject.toml's `[project]`, setup.cfg or setup.py; the exact text: case, "
                       "spelling and the spaces around `::` count), fix or remove the ones not listed, rebuild and upload; "
                       "`twine check` does not check classifiers, PyPI's refusal (`twine upload --verbose`) names the one "
                       "it refuses.")


def classifiers_said(whole: str) -> bool:
    """Classifiers told as invalid in a sentence, where no server message quotes the refused one."""
    return bool(SAID_CLASSIFIER.search(whole)) and not _CLASSIFIER_QUOTED.search(whole)


# uploading from a reusable (called) workflow told as what PyPI does not support (tenstorrent/tt-metal #29044: "PyPi
# doesn't support uploading wheels from reusable workflow"), the publish action's own notice retold
_REUSABLE = r"\bre-?usable\s(?:GitHub\s)?(?:workflows?|called workflows?)\b|\bcalled workflows?\b|\bworkflow_call\b"
SAID_REUSABLE_UNSUPPORTED = re.compile(NEGATION + r"(?:\s+\w+){0,2}?\s+(?:support|allow|accept|work|permit)\w{0,4}\b"
                                       + IN_SENTENCE + r"{0,60}?(?:" + _REUSABLE + r")|(?:" + _REUSABLE + r")"
                                       + IN_SENTENCE + r"{0,40}?\b(?:(?:are|is)\s(?:not|n[’']t)\s(?:\w+\s)?"
                                       r"(?:supported|allowed|accepted)|unsupported)\b", re.I)
# a credential told as left over next to Trusted Publishing and in the way (NLRWindSystems/WOMBAT #164: "removes the
# unnecessary secrets passing for a trusted publisher workflow … now fail, and so it must be removed")
SAID_LEFTOVER_CREDENTIAL = re.compile(r"\b(?:unnecessary|redundant|unneeded|superfluous|left-?over|stale|obsolete|"
                                      r"no longer needed)\s(?:\w+\s){0,2}?(?:secrets?|credentials?|tokens?|passwords?)\b",
                                      re.I)
_TRUSTED_WORD = re.compile(r"\btrusted[- ]publish\w{0,4}\b|\bOIDC\b|\bid-token\b", re.I)


# a password or token told as breaking the upload's command line by its spaces or special characters (unquoted
# `-p ${{ secrets.X }}`): the shell split or read it before the uploader got it
_SECRET_WORD = r"\b(?:passwords?|tokens?|secrets?|credentials?)\b"
_SHELL_CHARS = (r"\b(?:special|shell|reserved|non-alphanumeric|punctuation)[- ](?:characters?|chars?|symbols?)\b|"
                r"\b(?:spaces?|whitespace)\b|"
                # the character itself or its name ("included the ` character", "a backtick", "a dollar sign")
                r"(?<!\w)`?[`$!&;|\\\"'*]`?\s(?:characters?|chars?|symbols?|signs?)\b|\bback-?ticks?\b|\bdollar signs?\b|"
                r"\bampersands?\b|\bexclamation (?:marks?|points?)\b")
SAID_SECRET_SPECIAL = re.compile(_SECRET_WORD + IN_SENTENCE + r"{0,60}?(?:" + _SHELL_CHARS + r")|(?:" + _SHELL_CHARS
                                 + r")" + IN_SENTENCE + r"{0,40}?" + _SECRET_WORD, re.I)
# the shell's own syntax error: a CI script (Travis's build.sh `eval`) broken by a quote or backtick pasted into it
SHELL_SYNTAX = re.compile(r"\bunexpected EOF while looking for matching\b|\bsyntax error: unexpected end of file\b|"
                          r"\bUnterminated quoted string\b", re.I)
SHELL_TOLD = re.compile(r"\bquot\w{1,4}\b|\bescap\w{1,4}\b|\bshell\b|\bas a string\b|\bcommand[- ]line\b|\bsplit\w{0,3}\b|"
                         r"\bfail\w{0,4}\b|\bbreak\w{0,3}\b|\bbroke\b|" + SHELL_SYNTAX.pattern, re.I)
SHELL_SECRET_FIX = ("A special character in the secret (a backtick, `$`, a quote) broke the CI's shell script before any "
                    "upload ran, so nothing reached PyPI: escape it before storing or encrypting the secret (Travis: "
                    "escape it for bash before `travis encrypt`), or pass it through an environment variable the "
                    "script quotes; a PyPI API token (`__token__`) has no such characters. The shell's error may print "
                    "part of the secret into the log: change it.")
# the shell's quoting error in a log that also names a password or secret near it, with no sentence telling the
# character (dpl #634: Travis's `eval: … unexpected EOF while looking for matching` beside "my password happened to have
# a `"): the deploy's secret pasted into the CI's generated script
_SECRET_NEAR = re.compile(r"\b(?:passwords?|secrets?|api[-_ ]?tokens?|credentials?)\b", re.I)
_DEPLOY_WORD = re.compile(r"\b(?:deploy\w{0,5}|upload\w{0,3}|publish\w{0,3}|pypi|twine)\b", re.I)
SHELL_SECRET_TITLE = "A special character in the secret broke the CI's shell script"


def shell_broke_on_secret(whole: str) -> Optional["re.Match[str]"]:
    """The shell's quoting error, where a password or secret is named within a few lines of it and the text is about a
    deploy or upload: the secret's character ended the CI's quoting (a syntax error alone, with no secret, is no such)."""
    m = SHELL_SYNTAX.search(whole)
    if not m or not _DEPLOY_WORD.search(whole):
        return None
    near = whole[max(0, m.start() - 600):m.end() + 600]
    return m if _SECRET_NEAR.search(near) else None


QUOTED_SECRET_FIX = ("Keep the secret off the command line: pass it through the step's `env:` (`TWINE_USERNAME: "
                     "__token__`, `TWINE_PASSWORD: ${{ secrets.PYPI_API_TOKEN }}`; twine reads them itself, no `-p`), or "
                     "at least quote it (`-p \"$TWINE_PASSWORD\"`): `${{ }}` is pasted into the script before the shell "
                     "runs it, so spaces split it into more arguments and `$`, `!`, `&` or quotes in it are read by the "
                     "shell.")


# a publish workflow or job told as never started: no upload ran, so nothing was refused
SAID_NEVER_RAN = re.compile(r"\b(?:publish\w{0,3}|release|upload|deploy\w{0,3}|pypi)\s(?:jobs?|workflows?|runs?|pipelines?)\s"
                            r"(?:was\s|were\s|has\s|had\s|did\s)?(?:never|not)\s(?:been\s)?(?:ran|run|triggered|started)\b|"
                            r"\b(?:workflows?|jobs?|pipelines?)\s(?:was\s|were\s|has\s|had\s)?never\s(?:been\s)?"
                            r"(?:ran|run|triggered|started)\b|\bno (?:upload|publish\w{0,3}) (?:step\s|job\s)?(?:ever\s)?ran\b|"
                            # a workflow named by its file ("`publish.yml` was never triggered")
                            r"[\w-]\.ya?ml`?\s(?:workflow\s)?(?:was\s|were\s|has\s|had\s)?never\s(?:been\s)?(?:ran|run|triggered|"
                            r"started)\b", re.I)
SAID_NO_TRIGGER = re.compile(NO_TRIGGER, re.I)
_GITHUB_TOKEN_WORD = re.compile(r"\bGITHUB_TOKEN\b")


def never_ran_by_token(sentences: List[str], i: int) -> bool:
    """A publish told as never started, with the GITHUB_TOKEN named in that sentence or the next (the rule told in
    the sentence after: "`publish.yml` was never triggered. GitHub fires no event for tags made by `GITHUB_TOKEN`")."""
    return bool(SAID_NEVER_RAN.search(sentences[i])) and any(
        _GITHUB_TOKEN_WORD.search(s) for s in sentences[i:i + 2])


_SAID_OBJECTS: Tuple[_Said, ...] = (
    # GitHub's rule that events of the GITHUB_TOKEN start no workflow, told as why the publish never ran: before any
    # object of PyPI, since nothing reached it
    _Said("log-workflow-not-triggered", (SAID_NO_TRIGGER,)),
    _Said("log-workflow-not-triggered", (SAID_NEVER_RAN, _GITHUB_TOKEN_WORD)),
    # a secret the shell split or read on the upload's command line: the command, not the index, took it apart
    _Said("log-uploader-config", (SAID_SECRET_SPECIAL, SHELL_TOLD), upload_named=True),
    _Said("log-environment-refused", (_SAID_ENVIRONMENT,)),  # GitHub's, read before any object of PyPI (a name)
    _Said("log-token-permission", (SAID_TOKEN_SCOPE, SAID_GITHUB_WRITE), (_GITHUB_REFUSED_ELSE, WRITE_LANDED)),  # not
    # PyPI's token, and not a write told as landed
    _Said("log-action-ref-missing", (SAID_ACTION_REF,)),
    _Said("log-action-ref-missing", (SAID_ACTION_OLD,), (_MOVED_OFF,)),  # a pin to an old release told as what fails
    _Said("log-uploader-missing", (SAID_UPLOADER_MISSING,), upload_named=True),
    _Said("log-uploader-dependency-conflict", (SAID_UPLOADER_DEP_MOVED, _BROKE_AT_IMPORT), upload_named=True),
    _Said("log-build-tool-missing", (SAID_SETUP_IMPORT,), upload_named=True),  # the import the release job lacks
    _Said("log-no-distributions", (NESTED_DIST,), upload_named=True),
    _Said("log-no-distributions", (SAID_NO_DISTS,), upload_named=True),
    _Said("log-no-distributions", (SAID_NO_DISTS, SAID_NOT_FOUND_BY_UPLOADER)),  # the uploader named as the finder
    _Said("log-no-distributions", (SAID_VERSION_FILTER,)),  # a release tool's own version filter left files out
    _Said("log-no-distributions", (SAID_EXPECTED_FOLDER, _NAMES_MISMATCHED), upload_named=True),  # files elsewhere
    _Said("log-no-distributions", (SAID_DIST_WIPED,), (CLEANED_ON_PURPOSE,), upload_named=True),
    _Said("log-no-distributions", (SAID_DIST_EMPTY,), (_BEFORE_BUILD,), upload_named=True),
    # two build jobs' wheels of one name garbled in the merged artifact: never a file already on the index
    _Said("log-invalid-distribution", (SAID_DUPLICATE_NAMES, GARBLED), (DUPLICATES_ON_INDEX,)),
    _Said("log-password-uploads-disabled", (_SAID_PASSWORD,)),
    _Said("log-two-factor-required", (_SAID_TWO_FACTOR,)),
    _Said("log-invalid-pending-publisher", (SAID_PENDING,)),
    _Said("log-attestation-exists", (_SAID_ATTESTATION,)),
    _Said("log-invalid-attestations", (SAID_ATTESTATION_FAILED,)),
    _Said("log-invalid-publisher", (SAID_STALE_PUBLISHER, SAID_REPO_RENAMED, _PUBLISHER_SIDE)),
    _Said("log-invalid-publisher", (SAID_PUBLISHER_LOST, MOVED, _PUBLISHER_SIDE)),  # a rename broke the publisher
    _Said("log-invalid-distribution", (SAID_SUMMARY_LONG,), (_LONG_DESCRIPTION,), upload_named=True),  # the Summary
    _Said("log-file-too-large", (_SAID_SIZE, _SIZE_CONTEXT)),
    _Said("log-file-too-large", (_SAID_SIZE_LIMIT, _SIZE_CONTEXT, _FAILED_SAID)),
    _Said("log-rate-limited", (SAID_RATE_LIMIT,), (_RATE_ELSEWHERE,), upload_named=True),
    _Said("log-no-distributions", (SAID_ARTIFACT_IMMUTABLE,)),
    _Said("log-no-distributions", (SAID_UV_WORKSPACE_DIST,), upload_named=True),
    _Said("log-uploader-config", (SAID_OPTION_ORDER,)),
    _Said("log-uploader-config", (SAID_OPTION_TO, _OPTION_MISTAKEN)),  # an option the command does not take
    _Said("log-uploader-config", (SAID_PYPIRC_FORMAT, _UPLOADER_WORD)),
    _Said("log-direct-dependency", (_SAID_DIRECT,)),
    _Said("log-direct-dependency", (SAID_URL_REQUIRES,)),
    _Said("log-direct-dependency", (_SAID_URL_REFERENCE, _DEPENDENCY_WORD)),
    _Said("log-id-token-unset", (_SAID_ID_TOKEN, _PYTHON_PUBLISH), (_NOT_PYTHON,)),
    _Said("log-id-token-unset", (_SAID_ID_TOKEN_ADDED, _CHANGE_SAID, _PYTHON_PUBLISH), (_NOT_PYTHON,)),
    _Said("log-name-not-allowed", (_SAID_NAME,)),
    _Said("log-project-not-owned", (_SAID_TAKEN,), upload_named=True),
    _Said("log-project-not-owned", (SAID_ROLE_MISSING,), upload_named=True),
    _Said("log-project-not-owned", (SAID_WRONG_PROJECT,), upload_named=True),  # another project's name aimed at
    _Said("log-unsupported-platform-tag", (SAID_PLATFORM,)),
    _Said("log-unsupported-platform-tag", (SAID_MISNAMED_WHEEL,), upload_named=True),
    _Said("log-local-version", (_SAID_LOCAL,)),
    _Said("log-sdist-exists", (TWO_SDISTS,), upload_named=True),  # a .tar.gz and a .zip sdist of one version
    _Said("log-artifact-name-conflict", (SAID_ARTIFACT_CONFLICT,)),
    _Said("log-tag-version-mismatch", (SAID_TAG_WRONG, SAID_FILE_VERSION)),  # a tag told wrong, a file's version
    _Said("log-file-exists", (SAID_STALE_DIST,), (CLEANED,), upload_named=True),  # an earlier build's files in dist/
    _Said("log-file-exists", (SAID_REUPLOAD,), (SAID_BOT_RELEASE_EXISTS, SAID_TAG_RELEASE_EXISTS), upload_named=True),
    _Said("log-file-exists", (SAID_DELETED_REUSE,), upload_named=True),
    _Said("log-file-exists", (SAID_SKIP,), upload_named=True),
    _Said("log-file-exists", (SAID_SAME_FILE,), (_ATTESTATION_WORD,), upload_named=True),  # the same attestation files
    _Said("log-file-exists", (SAID_SHALLOW, SHALLOW_VERSION), upload_named=True),  # every build the same tagless version
    _Said("log-description-invalid", (_SAID_DESCRIPTION,)),
    _Said("log-description-invalid", (_SAID_DEFAULT_FORMAT,)),
    _Said("log-description-invalid", (SAID_RST_MARKUP,), upload_named=True),
    _Said("log-invalid-distribution", (_SAID_CLASSIFIER,)),
    _Said("log-invalid-distribution", (SAID_STRAY_FILES,)),
    _Said("log-invalid-distribution", (SAID_STRAY_DIR,), upload_named=True),  # a folder in the upload folder
    _Said("log-invalid-distribution", (SAID_BACKEND_LACKS_FIELD,), upload_named=True),  # License-File under an older version
    _Said("log-invalid-distribution", (SAID_KINDS_ONLY,), upload_named=True),  # beside `setup.py bdist … upload`
    _Said("log-metadata-unsupported", (SAID_METADATA,)),
    _Said("log-metadata-unsupported", (SAID_NEW_METADATA,)),
    _Said("log-metadata-unsupported", (SAID_METADATA_BEYOND,)),
    _Said("log-metadata-unsupported", (SAID_METADATA_VERSION,), (_METADATA_FIELD,), upload_named=True),
    _Said("log-reusable-workflow", (SAID_REUSABLE_UNSUPPORTED,), upload_named=True),  # PyPI's, before its publisher
    _Said("log-attestations-ignored", (SAID_LEFTOVER_CREDENTIAL, _TRUSTED_WORD), upload_named=True),  # a token left beside it
    _Said("log-invalid-publisher", (SAID_PUBLISHER,)),
    _Said("log-invalid-publisher", (SAID_WORKFLOW_RENAMED,), (_TOKEN_SAID,), upload_named=True),
    _Said("log-invalid-publisher", (SAID_PUBLISHER_MISSING,)),
    _Said("log-invalid-publisher", (SAID_TP_FAILED, _SET_UP_NEEDED)),  # a bare "trusted publishing failed" tells no cause
    _Said("log-uploads-disabled", (SAID_UPLOADS_HALTED, _SAID_SERVER), (SAID_STATUS_5XX, re.compile(r"\bgithub\b", re.I)),
          upload_named=True),  # an incident that halted uploads, no server error told
    _Said("log-server-error", (_SAID_SERVER,), (re.compile(r"\bgithub\b", re.I),), upload_named=True),
    _Said("log-wrong-upload-url", (SAID_SIMPLE_URL,), upload_named=True),  # the read-only `/simple/` index aimed at
    _Said("log-wrong-upload-url", (_SAID_URL,), upload_url=True, upload_named=True),
    _Said("log-wrong-upload-url", (SAID_WRONG_URL,), (_URL_ELSEWHERE,), upload_named=True),
    _Said("log-wrong-upload-url", (SAID_NEW_ADDRESS, _OLD_ADDRESS)),  # the new address told as what must be set now
    # a sentence naming two-factor or a username and password is of those classes even when it says more than their
    # words catch: never read as a refused token
    # a credential told as never passed is none sent, not one refused
    _Said("log-secret-empty", (SAID_FELL_BACK,), upload_named=True),
    _Said("log-credential-missing", (SAID_VAR_UNSET,), upload_named=True),
    _Said("log-credential-missing", (SAID_NOT_PASSED,), (_OIDC_SAID, re.compile(_ID_TOKEN, re.I)), upload_named=True),
    _Said("log-token-rejected", (_SAID_CREDENTIALS,), (_OIDC_SAID, _ACCOUNT_SAID, SAID_NEVER_RAN, SAID_NO_TRIGGER),
          upload_named=True),  # never a credential refused by a run that never started
)


def setup_upload_failed(cleaned: List[Tuple[int, str]], whole: str) -> Optional[int]:
    """The line of a sentence that tells `setup.py … upload` failed, in a text that quotes no status or other error
    (read last: any cause the text shows or tells is read for itself)."""
    if _STATUS_TOLD.search(whole):
        return None
    return next((n for n, t in unwrapped(cleaned) for s in SENTENCE_END.split(t) if SAID_SETUP_UPLOAD.search(s)
                 and _FAILED_SAID.search(s) and not _SAID_CREDENTIALS.search(s) and not _ACCOUNT_SAID.search(s)), None)


def stale_dist(whole: str) -> bool:
    """An earlier build's files told as left in (or committed to) `dist/` and uploaded with this one's."""
    return any(SAID_STALE_DIST.search(s) and not CLEANED.search(s) for s in SENTENCE_END.split(whole))


# a version told as bumped, then the same refusal again ("just increment the version number." "I just did that and it
# gave me the same error"): the new version's build did not go alone, the old files in `dist/` went with it
SAID_BUMPED_SAME = re.compile(r"\b(?:increment|bump|rais|chang)\w{0,4}\s(?:the\s|my\s|its\s)?version(?:\snumber)?\b"
                              r".{0,300}?\bsame (?:error|message|refusal)\b", re.I | re.S)
# the release's bump tool refusing to run (a dirty working tree) before the upload of a version already there: the bump
# never happened and the script went on to build the old version again
BUMP_REFUSED = re.compile(r"\bWorkingDirectoryIsDirty\w{0,10}|\b(?:git\s)?working\s(?:directory|tree)\s(?:is\s)?not\s"
                          r"clean\b", re.I)
BUMP_TOOL = re.compile(r"\b(?:bump(?:-my-|2|_)?version|bumpver|tbump)\b", re.I)
BUMP_REFUSED_TITLE = "The version bump failed earlier, so the release uploaded a version already on the index"
BUMP_REFUSED_FIX = ("Make the release script stop at a failed command (`set -euo pipefail`), and let the bump run on a clean "
                    "tree: commit or regenerate what the job changed before it (a lock file that records the version, "
                    "such as uv.lock: list it among the bump tool's files or re-lock after the bump); then release the "
                    "next version.")


# the version told as a static string of the config rather than the release tag's ("not using the git tag, it uses the
# static string in `pyproject.toml`"): every release re-uploads that one version until it comes from the tag
STATIC_VERSION_SAID = re.compile(r"\b(?:static|hard-?coded)\s(?:version\s)?(?:string|version(?:\snumber)?)\b|"
                                 r"\bnot\s(?:using|reading|taking|read(?:ing)? from)\s(?:the\s)?(?:git\s)?tags?\b", re.I)
STATIC_VERSION_FIX = ("Take the version from the release tag (a dynamic version: setuptools-scm or hatch-vcs with "
                      "`dynamic = [\"version\"]`, or set it from the tag in the job) instead of the static string in the "
                      "config, so each tag publishes its own version; bumping the string by hand fixes only this release.")


# a VCS version plugin told as switched off or not in effect, beside a placeholder version every build comes out as
# (ccdhmodel #82: "disabling pbr … will only publish the model as `0.0.0`", "Even if I do `git tag 0.2.9` first"): the
# tag no longer sets the version, so every release re-uploads the placeholder
_VERSION_PLUGIN_NAME = logtext.VERSION_PLUGINS
VERSION_TOOL_OFF = re.compile(r"\b(?:disabl\w{1,4}|turn\w{0,3} off|switch\w{0,3} off|remov\w{1,4}|drop\w{0,4}|comment\w{0,3} out)\s"
                              r"(?:the\s)?" + _VERSION_PLUGIN_NAME + r"\b|\b" + _VERSION_PLUGIN_NAME + r"\b" + IN_SENTENCE
                              + r"{0,30}?\b(?:(?:was|is|got|been)\s)?(?:disabled|turned off|switched off|not (?:enabled|running|"
                              r"in effect|used|active)|commented out)\b", re.I)
PLACEHOLDER_VERSION = re.compile(r"(?<![\w.])v?0\.0\.0(?![\w.+])|(?<![\w.])0\.1\.dev0\b|\bwhatever the (?:git )?tag\b", re.I)
VERSION_TOOL_OFF_FIX = ("Re-enable the version plugin (pbr, setuptools-scm, hatch-vcs, versioneer) the build lost, so the "
                        "git tag sets each release's version again: with it off every build comes out as the same "
                        "placeholder version, which the index already holds; bumping a version by hand fixes only one "
                        "release.")


# a token told as another project's ("it used a token for a different PyPI project", pyodide #3643): project-scoped
# tokens, the workflow reading another secret (a release branch not given the per-project one)
SAID_TOKEN_OTHER_PROJECT = re.compile(r"\btokens?\s(?:for|of|scoped\sto|from)\s(?:a\s|an\s|the\s)?(?:different|another|"
                                      r"other|wrong)\s(?:PyPI\s)?(?:project|package)\b|\bscoped\sto\s(?:a\s|an\s|the\s)?"
                                      r"(?:different|another|other|wrong)\s(?:PyPI\s)?(?:project|package)\b", re.I)
TOKEN_OTHER_PROJECT_FIX = ("Give the upload the token scoped to this project: check which secret the workflow reads on the "
                           "branch that released (a release branch may still read another project's or an account's "
                           "old secret) and point it at this project's token; a new token stored in the same secret would "
                           "take it from the project it serves.")


# an upload run from a person's machine (a project's release script, `~/.pypirc`, a shell prompt), in a text that shows
# no CI: Trusted Publishing needs a supported CI, so the token is the route there (octodns #1016)
MACHINE_UPLOAD = re.compile(r"\b(?:script|scripts|bin|tools)/(?:release|publish|deploy|upload)\w{0,10}\b|\brelease script\b|"
                            r"~/\.pypirc\b|^\S{1,40}:\S{0,80}\s\w{1,30}\$\s|\blocally\b|\bon my (?:machine|laptop|computer)\b",
                            re.I | re.M)
CI_SHOWN = re.compile(r"\bGITHUB_ACTIONS\b|^\s*Run\s\S|##\[|\.github/workflows|\b(?:travis|gitlab|jenkins|circleci|"
                      r"azure pipelines|buildkite|teamcity|workflows?|actions?|CI)\b|/home/runner/", re.I | re.M)
MACHINE_PASSWORD_FIX = ("Send `__token__` as the username and an API token as the password (in `~/.pypirc`, "
                        "`TWINE_USERNAME`/`TWINE_PASSWORD`, or `twine upload -u __token__`); Trusted Publishing works "
                        "only from a supported CI, not from a maintainer's machine.")


# a checklist's ticked step (`- [x] get API token`, `get API token [x]`): a step done, never the failure being told
TICKED = re.compile(r"^\s{0,8}(?:[-*+]\s{1,3})?\[[xX✓✔]\]\s|\s\[[xX✓✔]\]\s*$")


def said_cause(cleaned: List[Tuple[int, str]], whole: str) -> Optional[Tuple[str, int]]:
    """(finding id, line) of a failure a person told in a sentence (a pull request, an issue) instead of pasting the
    error, read by the object the sentence says was refused: a version or file uploaded again, an attestation used a
    second time, the project name, the README, a classifier, twine's metadata check, the trusted publisher, usernames
    and passwords, the upload URL, the credentials. Only a sentence that speaks of PyPI or the upload and says that
    something failed counts; the object may be named in it or in the sentence just before it ("2.8.0 was yanked.
    PyPI won't let us upload another version")."""
    pypi_url = re.search(UPLOAD_URL + r"|https?://(?:upload|test)\.pypi\.org/legacy", whole, re.I)
    sentences = [(n, s) for n, t in unwrapped(cleaned) if not TICKED.search(t)
                 for s in SENTENCE_END.split(t) if s.strip()]
    lines = dict(cleaned)
    for i, (n, sentence) in enumerate(sentences):
        unrenderable = bool(SAID_UNRENDERABLE.search(sentence) and not RENDERER_ELSEWHERE.search(sentence)
                            and _PYPI_WORD.search(whole))  # a README that does not render, in a text about PyPI
        named = _ABOUT_UPLOAD.search(sentence) is not None or unrenderable or bool(
            (SAID_CRED_MISCONFIG.search(sentence) or _SAID_PASSWORD.search(sentence))
            and PYPI_NAMED.search(whole)) or bool(  # credentials (a username and password told as dropped) of a log about PyPI
            SAID_METADATA_BEYOND.search(sentence) and _PYPI_WORD.search(whole)) or bool(  # a Metadata-Version its reader lacks
            SAID_KINDS_ONLY.search(sentence) and OTHER_KIND_UPLOAD.search(whole)) or bool(  # the kinds PyPI takes, told to an upload
            _SAID_ID_TOKEN.search(sentence) and PYPI_NAMED.search(whole))  # no `id-token` grant, in a text about PyPI
        tag_told = SAID_TAG_WRONG.search(sentence) is not None  # a tag is a release's, in a text about PyPI
        only_tag = not named and not _ABOUT_RELEASE.search(sentence)  # read for the tag's finding alone
        if only_tag and not tag_told:
            continue
        # a size over the limit, a missing `id-token` and a name already someone else's tell the refusal themselves;
        # a change told as the upload's fix tells it too
        if not (_FAILED_SAID.search(sentence) or _SAID_SIZE.search(sentence) or _SAID_ID_TOKEN.search(sentence)
                or _SAID_TAKEN.search(sentence) or SAID_ROLE_MISSING.search(sentence) or SAID_WRONG_PROJECT.search(sentence) or _SAID_PASSWORD.search(sentence)
                or _CHANGE_SAID.search(sentence)
                or _SAID_PUBLISHER_UNMATCHED.search(sentence) or SAID_NO_DISTS.search(sentence)
                or SAID_UPLOADER_MISSING.search(sentence) or SAID_CRED_MISCONFIG.search(sentence) or unrenderable
                or SAID_VERSION_FILTER.search(sentence)
                or SAID_DIST_WIPED.search(sentence) or SAID_NEW_METADATA.search(sentence) or SAID_METADATA_BEYOND.search(sentence)
                or SAID_OPTION_ORDER.search(sentence) or SAID_OPTION_TO.search(sentence) or (SAID_PYPIRC_FORMAT.search(sentence) and _UPLOADER_WORD.search(sentence))
                or (SAID_ARTIFACT_IMMUTABLE.search(sentence) and _PYPI_WORD.search(whole)) or (SAID_STALE_PUBLISHER.search(sentence)
                                                        and SAID_REPO_RENAMED.search(sentence)) or (SAID_PUBLISHER_LOST.search(sentence) and MOVED.search(sentence))
                or SAID_VAR_UNSET.search(sentence) or SAID_FELL_BACK.search(sentence) or SAID_RATE_LIMIT.search(sentence)
                or NESTED_DIST.search(sentence) or SAID_ARTIFACT_CONFLICT.search(sentence) or SAID_DELETED_REUSE.search(sentence)
                or (SAID_SKIP.search(sentence) and _SKIP_GATE.search(whole)) or tag_told
                or SAID_NO_TRIGGER.search(sentence) or never_ran_by_token([s for _, s in sentences], i)
                or SAID_NEW_ADDRESS.search(sentence) or (SAID_KINDS_ONLY.search(sentence) and OTHER_KIND_UPLOAD.search(whole))
                or (SAID_SECRET_SPECIAL.search(sentence) and SHELL_TOLD.search(sentence))):
            continue
        windows = [(sentence, (n,))]
        if i:
            windows.append((sentences[i - 1][1] + " " + sentence, (sentences[i - 1][0], n)))
        if i + 1 < len(sentences):  # "…got an HTTP 403. Turns out there's already a package with the same name"
            windows.append((sentence + " " + sentences[i + 1][1], (n, sentences[i + 1][0])))
        for told, where in windows:
            if any(OTHER_REGISTRY.search(lines[k]) or _OTHER_SERVICE.search(lines[k]) for k in where) and not (
                    (SAID_ARTIFACT_IMMUTABLE.search(told) and _PYPI_WORD.search(whole))  # upload-artifact's own
                    or SAID_UV_WORKSPACE_DIST.search(told)  # the artifact of a build that wrote elsewhere
                    or (SAID_TOKEN_SCOPE.search(told) and SAID_GITHUB_WRITE.search(told)
                        and not _GITHUB_REFUSED_ELSE.search(told))):  # a write to GitHub its token was refused
                continue  # about another service's upload (codecov's "upload token", a Helm chart's 403)
            found = _said_object(told, pypi_url is not None, named)
            if found == "log-file-exists" and SAID_PUBLISHED_OK.search(whole) and _LATER_STEP.search(whole):
                continue  # the upload went through and a step after it failed: nothing was refused as existing
            if found == "log-token-rejected" and SAID_TP_FAILED.search(whole):
                continue  # the upload failed in Trusted Publishing: a token named in passing ("go back to token-based")
                # was not what PyPI refused
            if found and (not only_tag or found == "log-tag-version-mismatch"):
                return found, n
    return None


# a failure told as fixed in the sentence that names it: "(`invalid-publisher`) …, which has now been added", "X (fixed
# that)", "after fixing X, now Y" (the fix word before X with no clause break between), "I fixed X, but …"
_FIXED_AFTER = re.compile(r"^[^;:]{0,160}?\b(?:which|that|it|this|they)\s(?:(?:has|have|had|is|was|were|are)\s)?(?:now\s|since\s|"
                          r"already\s|just\s)?(?:been\s)?(?:added|fixed|resolved|solved|registered|corrected|configured)\b|"
                          r"^\W{0,3}\s?\(?(?:now\s)?(?:fixed|resolved|solved)(?:\s(?:that|it|this|now))?\b", re.I)
_FIXED_BEFORE = re.compile(r"\b(?:after|once|since)\s(?:(?:I|we|you)\s)?(?:(?:have|had|'ve)\s)?(?:fix\w{0,3}|resolv\w{1,3}|"
                           r"solv\w{1,3}|add\w{0,3}|register\w{0,3})\b[^,;:]{0,80}$|\b(?:I|we)(?:\s(?:have|had)|'ve)?\s"
                           r"(?:fixed|resolved|solved)\b[^,;:]{0,80}$", re.I)
_STILL = re.compile(r"\bstill\b|\bnot\b|n[’']t\b|\bnever\b", re.I)


def said_fixed(cleaned: List[Tuple[int, str]], finding: LogFinding) -> bool:
    """Whether the sentence that names the finding's error says it is fixed already (a second failure came after it:
    clipman's "The first failure (`invalid-publisher`) … has now been added. The re-run … tripped on …")."""
    line = dict(cleaned).get(finding.line, "")
    m = RX[finding.pattern.id].search(line) if finding.pattern.id in RX else None
    if not m:
        return False
    start = max((e.end() for e in SENTENCE_END.finditer(line, 0, m.start())), default=0)
    end = next((e.start() for e in SENTENCE_END.finditer(line, m.end())), len(line))
    before, after = line[start:m.start()], line[m.end():end]
    told = _FIXED_AFTER.search(after)
    if told and not _STILL.search(after):  # "…, which has been fixed, still happens" is no fix
        return True
    told = _FIXED_BEFORE.search(before)
    clause = re.split(r"[,;:]|\bbut\b", after, maxsplit=1)[0]
    return bool(told and not _STILL.search(before[told.start():] + clause))


# an error the text calls the expected outcome of what it did ("refused only with `400 File already exists` — the
# expected outcome for a version that is already published"): no failure to fix; "expected a new version" is not it
_EXPECTED = re.compile(r"\b(?:the |an? |as |is |was |(?:that|it)[’']?s )expected\s(?:\w+\s)?(?:outcome|result|behaviou?r|"
                       r"response|answer|error|refusal)\b|\bas (?:it )?expected\b|\b(?:is|was) (?:to be )?expected\b", re.I)


def said_expected(cleaned: List[Tuple[int, str]], finding: LogFinding) -> bool:
    """Whether the text calls the finding's error the expected outcome, on its line or the line it runs on to."""
    lines = dict(cleaned)
    line = lines.get(finding.line, "")
    m = RX[finding.pattern.id].search(line) if finding.pattern.id in RX else None
    if not m:
        return False
    after = line[m.end():] + " " + lines.get(finding.line + 1, "")
    end = next((e.start() for e in SENTENCE_END.finditer(after)), len(after))
    return bool(_EXPECTED.search(after[:end]))


# a person's own side attempt told after the job's failure (sansio-lsp-client #61: "Then I tried creating my own pypi
# api token and just running the publishing command locally. I got `403 …`"): an attempt, and by hand or with other
# credentials than the job's
_ATTEMPT = re.compile(r"\b(?:I|we)\s(?:then\s|also\s|next\s)?(?:tried|attempted|ran)\b|\btried\s(?:it\s)?again\b", re.I)
_BY_HAND = re.compile(r"\blocally\b|\bby hand\b|\bmanually\b|\bmy own\b|\bon my (?:machine|laptop|computer|pc)\b|"
                      r"\bfrom (?:my|a local) (?:machine|laptop|computer|pc|shell|terminal)\b", re.I)


def side_attempt(cleaned: List[Tuple[int, str]], finding: LogFinding) -> bool:
    """Whether the finding's error is told as a person's own attempt by hand (locally, with their own token) beside the
    job's failure: its line, before the error, tells an attempt made so."""
    line = dict(cleaned).get(finding.line, "")
    m = RX[finding.pattern.id].search(line) if finding.pattern.id in RX else None
    before = line[:m.start()] if m else ""
    tried = _ATTEMPT.search(before)
    return bool(tried and _BY_HAND.search(before[tried.start():]))


_WRAPPED_ON = re.compile(r"^\s{0,3}[a-z(`]")  # a line that goes on with the sentence of the line before


def unwrapped(cleaned: List[Tuple[int, str]]) -> List[Tuple[int, str]]:
    """Prose lines joined where a sentence was wrapped over them (a commit message, an e-mail): a line that ends
    without a sentence's end and a next line that starts in lower case are one line, numbered as its first."""
    out: List[Tuple[int, str]] = []
    for n, t in cleaned:
        prev = out[-1][1] if out else ""
        if out and out[-1][0] + prev.count("\n") + 1 == n and prev.strip() and not re.search(r"[.!?:;,)`]\s*$|^\s*(?:[-*>#|]|\d+\.)\s", prev) \
                and _WRAPPED_ON.match(t) and not logtext.is_noise(t):
            out[-1] = (out[-1][0], prev + "\n" + t)
        else:
            out.append((n, t))
    return [(n, t.replace("\n", " ")) for n, t in out]


def _said_object(told: str, pypi_url: bool, named: bool = True) -> Optional[str]:
    """The finding of the refused object a sentence (or two) names: the first row of `_SAID_OBJECTS` whose patterns
    all match and none of whose exclusions do (and, where the row asks, with an upload URL of PyPI in the log, or
    with PyPI or the upload `named` in the sentence that tells the failure)."""
    told = LOCAL_SECRET.sub(" ", told)  # a password of gpg, ssh or sudo is no credential of PyPI
    for row in _SAID_OBJECTS:
        if all(rx.search(told) for rx in row.all_of) and not any(rx.search(told) for rx in row.none_of) \
                and (pypi_url or not row.upload_url) and (named or not row.upload_named):
            return row.finding
    return None


# what says a credential was empty or never read, beside the keyring's warning that comes before any prompt
EMPTY_OR_UNREAD = re.compile(r"Credential not found for|Your password is empty|EOFError|NoKeyringError|NonInteractive", re.I)
_ANSWERED = re.compile(r"^\s*Enter your (?:password|API token):", re.I)
_AFTER_PROMPT = re.compile(r"^\s*Uploading\s\S|^\s*\d{1,3}%\|", re.I)


def prompt_answered(cleaned: List[Tuple[int, str]]) -> bool:
    """Whether a password prompt was answered: it is followed by the upload of a file (a person typed it)."""
    at = next((i for i, (_, t) in enumerate(cleaned) if _ANSWERED.search(t)), None)
    if at is None or re.search(r"EOFError|NonInteractive|Traceback", cleaned[at][1]):
        return False
    return any(_AFTER_PROMPT.search(t) for _, t in cleaned[at + 1:at + 6])


def prompt_at_end(cleaned: List[Tuple[int, str]]) -> Optional[int]:
    """The line of a credential prompt that ends the log (nothing was typed in CI), if one does."""
    rest = [(n, t) for n, t in cleaned if t.strip() and not logtext.is_noise(t)]
    return rest[-1][0] if rest and PROMPT.search(rest[-1][1]) else None
