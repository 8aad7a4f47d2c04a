package org.nestj.engine.kernel;

/**
 * A node model as registered with the kernel (NEST's Model): its name, its id and a prototype
 * block of one node that holds the model's defaults. SetDefaults changes the prototype; CopyModel
 * copies it under a new name; Create copies it into every new node.
 */
public final class Model {
    public final String name;
    public final int id;
    public final NodeBlock prototype;
    /** Name of the built-in model this one was copied from (equals name for built-ins). */
    public final String typeId;

    /**
     * NEST's Model::memory_, one vector of node pointers per thread: its size (instantiations) and
     * its capacity, as std::vector's reserve and doubling growth leave it (GetDefaults' instantiations,
     * capacity, available).
     */
    long[] instantiations = new long[1], capacity = new long[1];

    public Model(String name, int id, NodeBlock prototype, String typeId) {
        this.name = name;
        this.id = id;
        this.prototype = prototype;
        this.typeId = typeId;
        prototype.model = this;
    }

    /** NEST's set_threads_: one (empty) vector per thread; nodes exist only at the current number. */
    void threads(int t) {
        if (instantiations.length == t) return;
        instantiations = new long[t];
        capacity = new long[t];
    }

    /** reserve_additional(t, reserve) (std::vector::reserve), then add instances appended one by one. */
    void instantiate(int t, long reserve, long add) {
        if (reserve > capacity[t]) capacity[t] = reserve;
        final long size = instantiations[t] + add;
        while (capacity[t] < size) capacity[t] = capacity[t] == 0 ? 1 : 2 * capacity[t];
        instantiations[t] = size;
    }

    public long[] instantiations() {
        return instantiations.clone();
    }

    public long[] capacity() {
        return capacity.clone();
    }

    public long[] available() {
        long[] a = new long[capacity.length];
        for (int t = 0; t < a.length; t++) a[t] = capacity[t] - instantiations[t];
        return a;
    }
}
