from setuptools import find_packages, setup

setup(
    name="fitter",
    version="0.1.0",
    packages=find_packages(),
    install_requires=["numpy", "scikit-learn==1.7.2"],
    entry_points={"console_scripts": ["fit-model=fitter.main:run"]},
)
