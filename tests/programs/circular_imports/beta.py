import alpha
import sys
seen_alpha_name = alpha.__name__
print("beta sees alpha partially:", hasattr(alpha, "done"), "alpha" in sys.modules)
