/** The immutable model of one valid {@code @FriendFields} interface: its properties, standard and custom, as one kind. */
package io.timport.processor.model;
