from invoke import task


@task
def release(c):
    c.run('python -m build')
    c.run('twine upload -u __token__ -p "$PYPI_TOKEN" dist/*')  # PyPI
