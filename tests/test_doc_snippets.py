"""Behaviour that NEST 3.9's user documentation (doc/htmldoc guides) shows in its PyNEST snippets,
where nestj differed from NEST. Each test names the guide; values follow NEST 3.9's source."""
import pytest


# devices/record_from_simulations.rst: nest.GetDefaults("sionlib") / nest.SetDefaults("sionlib", ...)
# nest::get_model_defaults and nest::set_model_defaults fall back to the recording backends, and
# throw UnknownComponent for a name that is neither a model nor a backend.

def test_get_defaults_of_recording_backends(nest):
    for backend in nest.recording_backends:
        assert nest.GetDefaults(backend) == {"element_type": "recording_backend"}
        assert nest.GetDefaults(backend, "element_type") == "recording_backend"


def test_set_defaults_of_recording_backend_is_accepted(nest):
    # memory, ascii and screen read nothing from the dictionary; NEST checks no unread entries here
    nest.SetDefaults("ascii", {"buffer_size": 512})
    nest.SetDefaults("memory", {})
    assert nest.GetDefaults("ascii") == {"element_type": "recording_backend"}
    # model defaults were not modified: the time representation can still change
    nest.resolution = 0.5
    assert nest.resolution == 0.5


def test_defaults_of_unknown_component(nest):
    # sionlib is not a backend of a NEST built without SIONlib
    with pytest.raises(nest.NESTErrors.UnknownComponent) as e:
        nest.GetDefaults("sionlib")
    assert str(e.value) == "UnknownComponent in SLI function GetDefaults_l: /sionlib is not a known component."
    assert isinstance(e.value, nest.kernel.NESTError)
    with pytest.raises(nest.NESTErrors.UnknownComponent) as e:
        nest.SetDefaults("sionlib", {"buffer_size": 512})
    assert str(e.value) == "UnknownComponent in SLI function SetDefaults_l_D: /sionlib is not a known component."


def test_create_with_params_asks_get_defaults_first(nest):
    # SLI's Create_l_i_D starts with `model GetDefaults`: an unknown model with a parameter
    # dictionary is reported by GetDefaults; without parameters Create reports UnknownModelName
    with pytest.raises(nest.NESTErrors.UnknownComponent, match="/no_such_model is not a known component"):
        nest.Create("no_such_model", 2, {"V_m": -60.0})
    with pytest.raises(nest.NESTErrors.UnknownModelName, match="/ascii is not a known model name"):
        nest.Create("ascii", 2)
    assert nest.network_size == 0


def test_backend_name_as_synapse_model(nest):
    n = nest.Create("iaf_psc_alpha", 2)
    with pytest.raises(nest.NESTErrors.UnknownSynapseType):
        nest.Connect(n, n, syn_spec={"synapse_model": "ascii", "weight": 2.0, "foo": 1.0})
    assert nest.num_connections == 0


# networks/spatially_structured_networks.rst (scripts/connections.py, conn_figure): PlotTargets draws the
# mask and the probability kernel through PlotProbabilityParameter, whose mask patches are filled with
# mask_color at alpha 0.2 with a black edge of width 2 (and their periodic images if the layer wraps).

def _layer(nest, wrap):
    return nest.Create("iaf_psc_alpha", positions=nest.spatial.grid(shape=[11, 11], extent=[11.0, 11.0],
                                                                     edge_wrap=wrap))


def test_plot_targets_mask_patches(nest):
    import matplotlib
    import matplotlib.pyplot as plt
    for wrap, n_images in ((False, 1), (True, 9)):
        nest.ResetKernel()
        layer = _layer(nest, wrap)
        conndict = {"rule": "pairwise_bernoulli", "p": 1.0,
                    "mask": {"rectangular": {"lower_left": [-2.0, -1.0], "upper_right": [2.0, 1.0]}}}
        nest.Connect(layer, layer, conndict)
        fig = plt.figure()
        ctr = nest.FindCenterElement(layer)
        nest.PlotTargets(ctr, layer, fig=fig, mask=conndict["mask"], mask_color="red")
        ax = fig.gca()
        masks = [p for p in ax.patches if isinstance(p, matplotlib.patches.Rectangle) and p.get_alpha() == 0.2]
        assert len(masks) == n_images
        m = masks[0]
        assert (m.get_width(), m.get_height()) == (4.0, 2.0)
        assert tuple(m.get_xy()) == (-2.0, -1.0)     # the centre node is at (0, 0)
        assert m.get_linewidth() == 2 and m.get_zorder() == 0.5
        assert matplotlib.colors.same_color(m.get_edgecolor()[:3], "black")
        assert matplotlib.colors.same_color(m.get_facecolor()[:3], "red")
        if wrap:
            assert sorted(tuple(p.get_xy()) for p in masks[1:])[0] == (-13.0, -12.0)
        plt.close(fig)


def test_plot_targets_with_probability_parameter_has_colorbar(nest):
    import matplotlib.pyplot as plt
    layer = _layer(nest, False)
    kern = nest.spatial_distributions.gaussian(nest.spatial.distance, std=1.0)
    conndict = {"rule": "pairwise_bernoulli", "p": kern, "mask": {"circular": {"radius": 4.0}}}
    nest.Connect(layer, layer, conndict)
    fig = plt.figure()
    nest.PlotTargets(nest.FindCenterElement(layer), layer, fig=fig, mask=conndict["mask"],
                     probability_parameter=kern)
    # PlotProbabilityParameter: the kernel image (clipped to [0, 1]) and its colorbar
    assert len(fig.axes) == 2
    img = fig.axes[0].images[0]
    assert img.get_clim() == (0.0, 1.0)
    # 100 x 100 points over centre +- extent: the nearest to the source are (+-11/99, +-11/99)
    import math
    assert img.get_array().shape == (100, 100)
    assert abs(img.get_array().max() - math.exp(-(11 / 99) ** 2)) < 1e-12
    plt.close(fig)
