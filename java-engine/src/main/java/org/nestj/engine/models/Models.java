package org.nestj.engine.models;

import org.nestj.engine.devices.DcGenerator;
import org.nestj.engine.devices.Multimeter;
import org.nestj.engine.devices.NoiseGenerator;
import org.nestj.engine.devices.PoissonGenerator;
import org.nestj.engine.devices.SpikeGenerator;
import org.nestj.engine.devices.SpikeRecorder;
import org.nestj.engine.kernel.Kernel;
import org.nestj.engine.kernel.SynapseModel;

/** Registers every node and synapse model nestj implements, in NEST's order of kinds. */
public final class Models {
    private Models() {
    }

    public static void registerAll(Kernel k) {
        // devices
        k.models.registerNode("dc_generator", () -> new DcGenerator(1));
        k.models.registerNode("ac_generator", () -> new org.nestj.engine.devices.AcGenerator(1));
        k.models.registerNode("step_current_generator", () -> new org.nestj.engine.devices.StepCurrentGenerator(1));
        k.models.registerNode("step_rate_generator", () -> new org.nestj.engine.devices.StepRateGenerator(1));
        k.models.registerNode("gamma_sup_generator", () -> new org.nestj.engine.devices.GammaSupGenerator(1));
        k.models.registerNode("ppd_sup_generator", () -> new org.nestj.engine.devices.PpdSupGenerator(1));
        k.models.registerNode("inhomogeneous_poisson_generator", () -> new org.nestj.engine.devices.InhomogeneousPoissonGenerator(1));
        k.models.registerNode("sinusoidal_poisson_generator", () -> new org.nestj.engine.devices.SinusoidalPoissonGenerator(1));
        k.models.registerNode("sinusoidal_gamma_generator", () -> new org.nestj.engine.devices.SinusoidalGammaGenerator(1));
        k.models.registerNode("spike_train_injector", () -> new org.nestj.engine.devices.SpikeTrainInjector(1));
        k.models.registerNode("spike_dilutor", () -> new org.nestj.engine.devices.SpikeDilutor(1));
        k.models.registerNode("mip_generator", () -> new org.nestj.engine.devices.MipGenerator(1));
        k.models.registerNode("pulsepacket_generator", () -> new org.nestj.engine.devices.PulsepacketGenerator(1));
        k.models.registerNode("correlation_detector", () -> new org.nestj.engine.devices.CorrelationDetector(1));
        k.models.registerNode("correlospinmatrix_detector", () -> new org.nestj.engine.devices.CorrelospinmatrixDetector(1));
        k.models.registerNode("correlomatrix_detector", () -> new org.nestj.engine.devices.CorrelomatrixDetector(1));
        k.models.registerNode("noise_generator", () -> new NoiseGenerator(1));
        k.models.registerNode("poisson_generator", () -> new PoissonGenerator(1));
        k.models.registerNode("poisson_generator_ps", () -> new org.nestj.engine.devices.PoissonGeneratorPs(1));
        k.models.registerNode("spike_generator", () -> new SpikeGenerator(1));
        k.models.registerNode("multimeter", () -> new Multimeter(1, new String[0]));
        k.models.registerNode("voltmeter", () -> new Multimeter(1, new String[] {"V_m"}));
        k.models.registerNode("spike_recorder", () -> new SpikeRecorder(1));
        k.models.registerNode("weight_recorder", () -> new org.nestj.engine.devices.WeightRecorder(1));
        k.models.registerNode("volume_transmitter", () -> new VolumeTransmitter(1));
        k.models.registerNode("spin_detector", () -> new org.nestj.engine.devices.SpinDetector(1));
        // neurons
        k.models.registerNode("iaf_psc_alpha", () -> new IafPscAlpha(1));
        k.models.registerNode("iaf_psc_delta", () -> new IafPscDelta(1));
        k.models.registerNode("iaf_psc_exp", () -> new IafPscExp(1));
        k.models.registerNode("iaf_psc_alpha_ps", () -> new IafPscAlphaPs(1));
        k.models.registerNode("iaf_psc_exp_ps", () -> new IafPscExpPs(1));
        k.models.registerNode("iaf_psc_exp_ps_lossless", () -> new IafPscExpPsLossless(1));
        k.models.registerNode("iaf_psc_delta_ps", () -> new IafPscDeltaPs(1));
        k.models.registerNode("iaf_psc_exp_multisynapse", () -> new IafPscExpMultisynapse(1));
        k.models.registerNode("iaf_psc_alpha_multisynapse", () -> new IafPscAlphaMultisynapse(1));
        k.models.registerNode("iaf_psc_exp_htum", () -> new IafPscExpHtum(1));
        k.models.registerNode("mat2_psc_exp", () -> new Mat2PscExp(1));
        k.models.registerNode("amat2_psc_exp", () -> new Amat2PscExp(1));
        k.models.registerNode("iaf_tum_2000", () -> new IafTum2000(1));
        k.models.registerNode("iaf_chs_2007", () -> new IafChs2007(1));
        k.models.registerNode("gif_psc_exp", () -> new GifPscExp(1));
        k.models.registerNode("gif_psc_exp_multisynapse", () -> new GifPscExpMultisynapse(1));
        k.models.registerNode("glif_psc", () -> new GlifPsc(1));
        k.models.registerNode("glif_psc_double_alpha", () -> new GlifPscDoubleAlpha(1));
        k.models.registerNode("glif_cond", () -> new GlifCond(1));
        k.models.registerNode("gif_cond_exp", () -> new GifCondExp(1));
        k.models.registerNode("gif_cond_exp_multisynapse", () -> new GifCondExpMultisynapse(1));
        k.models.registerNode("gif_pop_psc_exp", () -> new GifPopPscExp(1));
        k.models.registerNode("pp_psc_delta", () -> new PpPscDelta(1));
        k.models.registerNode("parrot_neuron", () -> new ParrotNeuron(1));
        k.models.registerNode("ignore_and_fire", () -> new IgnoreAndFire(1));
        k.models.registerNode("lin_rate_ipn", () -> new LinRateIpn(1));
        k.models.registerNode("tanh_rate_ipn", () -> new TanhRateIpn(1));
        k.models.registerNode("threshold_lin_rate_ipn", () -> new ThresholdLinRateIpn(1));
        k.models.registerNode("sigmoid_rate_ipn", () -> new SigmoidRateIpn(1));
        k.models.registerNode("gauss_rate_ipn", () -> new GaussRateIpn(1));
        k.models.registerNode("sigmoid_rate_gg_1998_ipn", () -> new SigmoidRateGg1998Ipn(1));
        k.models.registerNode("lin_rate_opn", () -> new LinRateOpn(1));
        k.models.registerNode("tanh_rate_opn", () -> new TanhRateOpn(1));
        k.models.registerNode("threshold_lin_rate_opn", () -> new ThresholdLinRateOpn(1));
        k.models.registerNode("rate_transformer_gauss", () -> new RateTransformerGauss(1));
        k.models.registerNode("rate_transformer_lin", () -> new RateTransformerLin(1));
        k.models.registerNode("rate_transformer_sigmoid", () -> new RateTransformerSigmoid(1));
        k.models.registerNode("rate_transformer_sigmoid_gg_1998", () -> new RateTransformerSigmoidGg1998(1));
        k.models.registerNode("rate_transformer_tanh", () -> new RateTransformerTanh(1));
        k.models.registerNode("rate_transformer_threshold_lin", () -> new RateTransformerThresholdLin(1));
        k.models.registerNode("siegert_neuron", () -> new SiegertNeuron(1));
        k.models.registerNode("parrot_neuron_ps", () -> new ParrotNeuronPs(1));
        k.models.registerNode("ginzburg_neuron", () -> new GinzburgNeuron(1));
        k.models.registerNode("mcculloch_pitts_neuron", () -> new MccullochPittsNeuron(1));
        k.models.registerNode("erfc_neuron", () -> new ErfcNeuron(1));
        k.models.registerNode("aeif_cond_alpha", () -> new AeifCondAlpha(1));
        k.models.registerNode("aeif_cond_exp", () -> new AeifCondExp(1));
        k.models.registerNode("aeif_psc_alpha", () -> new AeifPscAlpha(1));
        k.models.registerNode("aeif_psc_exp", () -> new AeifPscExp(1));
        k.models.registerNode("aeif_psc_delta", () -> new AeifPscDelta(1));
        k.models.registerNode("aeif_cond_alpha_multisynapse", () -> new AeifCondAlphaMultisynapse(1));
        k.models.registerNode("aeif_cond_beta_multisynapse", () -> new AeifCondBetaMultisynapse(1));
        k.models.registerNode("aeif_psc_delta_clopath", () -> new AeifPscDeltaClopath(1));
        k.models.registerNode("aeif_cond_alpha_astro", () -> new AeifCondAlphaAstro(1));
        k.models.registerNode("astrocyte_lr_1994", () -> new AstrocyteLr1994(1));
        k.models.registerNode("iaf_cond_alpha", () -> new IafCondAlpha(1));
        k.models.registerNode("iaf_chxk_2008", () -> new IafChxk2008(1));
        k.models.registerNode("iaf_cond_alpha_mc", () -> new IafCondAlphaMc(1));
        k.models.registerNode("cm_default", () -> new CmDefault(1));
        k.models.registerNode("iaf_cond_exp", () -> new IafCondExp(1));
        k.models.registerNode("iaf_cond_beta", () -> new IafCondBeta(1));
        k.models.registerNode("iaf_cond_exp_sfa_rr", () -> new IafCondExpSfaRr(1));
        k.models.registerNode("hh_psc_alpha", () -> new HhPscAlpha(1));
        k.models.registerNode("hh_psc_alpha_clopath", () -> new HhPscAlphaClopath(1));
        k.models.registerNode("hh_cond_exp_traub", () -> new HhCondExpTraub(1));
        k.models.registerNode("izhikevich", () -> new Izhikevich(1));
        k.models.registerNode("pp_cond_exp_mc_urbanczik", () -> new PpCondExpMcUrbanczik(1));
        k.models.registerNode("hh_psc_alpha_gap", () -> new HhPscAlphaGap(1));
        k.models.registerNode("hh_cond_beta_gap_traub", () -> new HhCondBetaGapTraub(1));
        k.models.registerNode("iaf_bw_2001", () -> new IafBw2001(1));
        k.models.registerNode("ht_neuron", () -> new HtNeuron(1));
        k.models.registerNode("iaf_bw_2001_exact", () -> new IafBw2001Exact(1));
        k.models.registerNode("eprop_iaf", () -> new EpropIaf(1, false));
        k.models.registerNode("eprop_iaf_adapt", () -> new EpropIaf(1, true));
        k.models.registerNode("eprop_iaf_psc_delta", () -> new EpropIafPscDelta(1, false));
        k.models.registerNode("eprop_iaf_psc_delta_adapt", () -> new EpropIafPscDelta(1, true));
        k.models.registerNode("eprop_readout", () -> new EpropReadout(1));
        k.models.registerNode("eprop_iaf_bsshslm_2020", () -> new EpropIafBsshslm2020(1));
        k.models.registerNode("eprop_iaf_adapt_bsshslm_2020", () -> new EpropIafAdaptBsshslm2020(1));
        k.models.registerNode("eprop_readout_bsshslm_2020", () -> new EpropReadoutBsshslm2020(1));
        // synapses
        k.models.registerSynapse("static_synapse", false, false);
        k.models.registerSynapse("static_synapse_lbl", false, true);
        k.models.registerSynapse("static_synapse_hom_w", true, false);
        k.models.registerSynapse("static_synapse_hom_w_lbl", true, true);
        k.models.registerSynapse("static_synapse_hpc", false, false);
        k.connections.synapse("static_synapse_hpc").hpc = true;
        k.models.registerSynapse("static_synapse_hom_w_hpc", true, false);
        k.connections.synapse("static_synapse_hom_w_hpc").hpc = true;
        k.models.registerSynapse(new StdpSynapse(), false);
        k.models.registerSynapse(new ClopathSynapse(), false);
        k.models.registerSynapse(new UrbanczikSynapse(), false);
        k.models.registerSynapse(new TsodyksSynapse(), false);
        k.models.registerSynapse(new Tsodyks2Synapse(), false);
        k.models.registerSynapse(new TsodyksSynapseHom(), true);
        k.models.registerSynapse(new QuantalStpSynapse(), false);
        k.models.registerSynapse(new BernoulliSynapse(), false);
        k.models.registerSynapse(new HtSynapse(), false);
        k.models.registerSynapse(new StdpSynapseHom(), false);
        k.models.registerSynapse(new StdpNnSymmSynapse(), false);
        k.models.registerSynapse(new StdpNnPreCenteredSynapse(), false);
        k.models.registerSynapse(new StdpNnRestrSynapse(), false);
        k.models.registerSynapse(new StdpPlSynapseHom(), false);
        k.models.registerSynapse(new StdpTripletSynapse(), false);
        k.models.registerSynapse(new VogelsSprekelerSynapse(), false);
        k.models.registerSynapse(new JonkeSynapse(), false);
        k.models.registerSynapse(new StdpFacetshwSynapseHom(), false);
        k.models.registerSynapse(new StdpDopamineSynapse(), false);
        k.models.registerSynapse("rate_connection_delayed", false, false);
        k.connections.synapse("rate_connection_delayed").delayedRate = true;
        k.models.registerSynapse("rate_connection_instantaneous", false, false);
        k.connections.synapse("rate_connection_instantaneous").instantRate = true;
        // e-prop (NEST models/eprop_synapse.h, eprop_learning_signal_connection.h)
        k.models.registerSynapseWithHpc(new EpropSynapse(), false);
        EpropLearningSignalConnection.register(k, EpropLearningSignalConnection.NAME);
        k.models.registerSynapse("gap_junction", false, false);
        k.connections.synapse("gap_junction").gap = true;
        SynapseModel diff = k.models.registerSynapseOnly(new DiffusionConnection(), false);
        diff.instantRate = true;
        diff.diffusion = true;
        diff.weight = 0.0;
        // e-prop after Bellec et al. 2020 (NEST models/eprop_synapse_bsshslm_2020.h,
        // eprop_learning_signal_connection_bsshslm_2020.h)
        k.models.registerSynapseWithHpc(new EpropSynapseBsshslm2020(), false);
        EpropLearningSignalConnection.register(k, EpropLearningSignalConnection.NAME_BSSHSLM_2020);
        k.models.registerSynapse("sic_connection", false, false);
        k.connections.synapse("sic_connection").sic = true;
        // cont_delay_synapse (NEST models/cont_delay_synapse.h): static synapses whose delay is
        // whole steps less a sub-step offset (ConnStore#doff), with the _hpc and _lbl variants
        k.models.registerSynapse("cont_delay_synapse", false, false);
        k.models.registerSynapse("cont_delay_synapse_hpc", false, false);
        k.models.registerSynapse("cont_delay_synapse_lbl", false, true);
        for (String v : new String[] {"cont_delay_synapse", "cont_delay_synapse_hpc", "cont_delay_synapse_lbl"}) {
            k.connections.synapse(v).makeContDelay(k.time);
        }
        k.connections.synapse("cont_delay_synapse_hpc").hpc = true;
    }

    public static Kernel newKernel() {
        return new Kernel(Models::registerAll);
    }
}
