package org.keyhaven.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Reads and writes private fields, as someone with write access to the database can change columns. */
public final class Fields {

    private Fields() {
    }

    public static Object get(Object target, String name) {
        try {
            Field field = declared(target.getClass(), name);
            field.setAccessible(true);
            return field.get(target);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    public static void set(Object target, String name, Object value) {
        try {
            Field field = declared(target.getClass(), name);
            field.setAccessible(true);
            field.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** The instance fields of the class and its superclasses up to (and including) {@code upTo}. */
    public static Set<String> instanceFields(Class<?> type, Class<?> upTo) {
        Set<String> names = new TreeSet<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            names.addAll(Arrays.stream(c.getDeclaredFields())
                    .filter(f -> !Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()).map(Field::getName)
                    .collect(Collectors.toSet()));
            if (c == upTo) {
                break;
            }
        }
        return names;
    }

    private static Field declared(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look further up
            }
        }
        throw new NoSuchFieldException(name);
    }
}
