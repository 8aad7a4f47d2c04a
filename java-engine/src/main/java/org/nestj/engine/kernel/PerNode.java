package org.nestj.engine.kernel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an array field of a {@link NodeBlock} that holds one entry per node (a parameter or a
 * state variable). Creating nodes copies these entries from the model's prototype node, which is
 * how NEST copies a model's defaults into new nodes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface PerNode {
}
