"""``python3 -m nestj SCRIPT.py [args]``: run a PyNEST script with ``import nest`` resolving to nestj."""
import os
import runpy
import sys


def install_alias():
    """Make ``nest`` and its submodules resolve to nestj."""
    import importlib
    import nestj
    sys.modules["nest"] = nestj
    for sub in ("lib", "lib.hl_api_connections", "lib.hl_api_exceptions", "lib.hl_api_helper", "lib.hl_api_info",
                "lib.hl_api_models", "lib.hl_api_nodes", "lib.hl_api_parallel_computing", "lib.hl_api_simulation",
                "lib.hl_api_spatial", "lib.hl_api_types", "ll_api", "kernel", "random", "math", "logic", "spatial",
                "spatial_distributions", "raster_plot", "voltage_trace", "visualization"):
        mod = importlib.import_module("nestj." + sub)
        sys.modules["nest." + sub] = mod


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help"):
        print("usage: python3 -m nestj SCRIPT.py [args...]\n"
              "Runs a PyNEST script with 'import nest' resolving to nestj.")
        return 0 if argv else 2
    script = argv[0]
    if not os.path.exists(script):
        print("nestj: no such script: %s" % script, file=sys.stderr)
        return 2
    install_alias()
    from nestj import _compat
    _compat.install()
    sys.argv = argv
    sys.path.insert(0, os.path.dirname(os.path.abspath(script)))
    runpy.run_path(script, run_name="__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main())
