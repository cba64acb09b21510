import pytest

pytest.register_assert_rewrite("tests.x509._differential")
