#!/usr/bin/env python
# -*- coding: utf-8 -*-
import io
import os

from setuptools import find_packages, setup

# Package meta-data.
NAME = 'octo-template-widget'
DESCRIPTION = 'My short description for my project.'
REQUIRED = ['requests']

here = os.path.abspath(os.path.dirname(__file__))

setup(
    name=NAME,
    version='0.1.0',
    description=DESCRIPTION,
    packages=find_packages(exclude=["tests", "*.tests"]),
    install_requires=REQUIRED,
)
