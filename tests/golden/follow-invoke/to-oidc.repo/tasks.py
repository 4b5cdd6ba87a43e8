from invoke import task


@task
def release(c):
    c.run('python -m build')
    c.run('twine upload dist/*')  # PyPI
