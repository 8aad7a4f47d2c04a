"""NEST's stdp_synapse rule (models/stdp_synapse.h) written out in Python, for the tests of plastic
connections: the reference the engine's weights are compared with."""
import math

EPS = 1e-6   # NEST's stdp_eps


def stdp_rule(pre, post, w, d, tau_plus=20.0, lam=0.01, alpha=1.0, mu_plus=1.0, mu_minus=1.0, wmax=100.0,
              tau_minus=20.0, eps=EPS):
    """NEST's stdp_synapse::send for pre-synaptic stamps `pre` onto a target whose spikes are `post`
    (dendritic delay d): the weight after each pre stamp and the final Kplus. The post trace is the
    ArchivingNode's (Kminus after each post spike, read by get_K_value at t - d: the last spike
    before t - d by more than stdp_eps); facilitation reads get_history(t_last - d, t - d)."""
    km, last, hist = 0.0, -1.0, []
    for tp in post:
        km = km * math.exp((last - tp) * (1.0 / tau_minus)) + 1.0
        last = tp
        hist.append((tp, km))
    kplus, t_last, ws = 0.0, 0.0, []
    for t in pre:
        for tp, _ in hist:
            if t_last - d + eps <= tp < t - d + eps:
                kp = kplus * math.exp((t_last - (tp + d)) / tau_plus)
                nw = w / wmax + lam * (1.0 - w / wmax) ** mu_plus * kp
                w = nw * wmax if nw < 1.0 else wmax
        kval = 0.0
        for tp, k in reversed(hist):
            if (t - d) - tp > eps:
                kval = k * math.exp((tp - (t - d)) * (1.0 / tau_minus))
                break
        nw = w / wmax - alpha * lam * (w / wmax) ** mu_minus * kval
        w = nw * wmax if nw > 0.0 else 0.0
        ws.append(w)
        kplus = kplus * math.exp((t_last - t) / tau_plus) + 1.0
        t_last = t
    return ws, kplus
