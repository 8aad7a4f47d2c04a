"""nest.spatial_distributions: distance-dependent functions of spatial Parameters (PyNEST's
nest.spatial_distributions), evaluated in the JVM per connection."""
from ..lib.hl_api_types import CreateParameter

__all__ = ["exponential", "gabor", "gamma", "gaussian", "gaussian2D"]


def exponential(x, beta=1.0):
    """exp(-x / beta)."""
    return CreateParameter("exp_distribution", {"x": x, "beta": beta})


def gaussian(x, mean=0.0, std=1.0):
    """exp(-(x - mean)^2 / (2 std^2))."""
    return CreateParameter("gaussian", {"x": x, "mean": mean, "std": std})


def gaussian2D(x, y, mean_x=0.0, mean_y=0.0, std_x=1.0, std_y=1.0, rho=0.0):
    """Bivariate Gaussian of x and y with correlation rho (not normalised)."""
    return CreateParameter("gaussian2d", {"x": x, "y": y, "mean_x": mean_x, "mean_y": mean_y, "std_x": std_x,
                                          "std_y": std_y, "rho": rho})


def gamma(x, kappa=1.0, theta=1.0):
    """Gamma density x^(kappa-1) exp(-x/theta) / (theta^kappa Gamma(kappa))."""
    return CreateParameter("gamma", {"x": x, "kappa": kappa, "theta": theta})


def gabor(x, y, theta=0.0, gamma=1.0, std=1.0, lam=1.0, psi=0.0):
    """Gabor function of x and y (theta and psi in degrees)."""
    return CreateParameter("gabor", {"x": x, "y": y, "theta": theta, "gamma": gamma, "std": std, "lam": lam,
                                     "psi": psi})
