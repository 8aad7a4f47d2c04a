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

    public Model(String name, int id, NodeBlock prototype, String typeId) {
        this.name = name;
        this.id = id;
        this.prototype = prototype;
        this.typeId = typeId;
        prototype.model = this;
    }
}
