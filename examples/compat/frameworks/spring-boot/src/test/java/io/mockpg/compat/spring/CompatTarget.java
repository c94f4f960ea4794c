package io.mockpg.compat.spring;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The database a concrete suite class runs against: mockpg or postgres. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface CompatTarget {
    String value();
}
