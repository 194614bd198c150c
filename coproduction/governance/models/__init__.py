from .consent import *  # noqa: F401,F403
from .retention import *  # noqa: F401,F403
