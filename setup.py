"""Build hook: the engine jars (built by Maven) ship inside the nestj package."""
import glob
import os
import shutil
import subprocess

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = os.path.dirname(os.path.abspath(__file__))


def engine_jars():
    return (glob.glob(os.path.join(ROOT, "java-engine", "target", "nestj-engine-*.jar")) +
            glob.glob(os.path.join(ROOT, "bridge", "target", "nestj-bridge-*.jar")))


class BuildWithJars(build_py):
    def run(self):
        if len(engine_jars()) < 2:
            subprocess.check_call(["mvn", "-q", "-B", "-DskipTests", "package"], cwd=ROOT)
        super().run()
        # the jars go into the built package only, never into the source tree
        dest = os.path.join(self.build_lib, "nestj", "jars")
        os.makedirs(dest, exist_ok=True)
        for old in glob.glob(os.path.join(dest, "*.jar")):
            os.remove(old)
        for jar in engine_jars():
            shutil.copy(jar, dest)


setup(cmdclass={"build_py": BuildWithJars})
