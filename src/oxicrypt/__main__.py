import sys

from oxicrypt._cli import main

sys.exit(main())
