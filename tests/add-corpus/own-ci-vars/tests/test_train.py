import unittest


class TrainScriptTest(unittest.TestCase):
    def test_script_exists(self):
        with open("train.py", encoding="utf-8") as file:
            self.assertIn("LinearSVC", file.read())
