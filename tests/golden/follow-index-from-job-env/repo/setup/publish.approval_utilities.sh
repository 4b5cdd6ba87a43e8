#!/bin/sh
# source: https://github.com/approvals/ApprovalTests.Python/blob/5b4b0752b396f1bc9342a333c77b38e59285dd59/setup/publish.approval_utilities.sh

cp setup/setup.approval_utilities.py setup.py
python -m build .
rm setup.py
twine upload --repository-url ${TWINE_REPOSITORY_URL} dist/*
rm -r dist
