# source: https://github.com/monocle2ai/monocle/blob/850a6099e0f836c7b76c59c9b3a7ea9d89256094/.github/scripts/push-pypi.sh
python -m pip install pipenv
pipenv --python 3.12
pipenv install build
pipenv install twine
source $(pipenv --venv)/bin/activate
python -m build
python -m twine upload --repository $PYPI_REPO dist/* --username $PYPI_USERNAME --password $PYPI_PASSWORD