package io.timport.simulator;

/** A refusal: the code and the text naming the field, the rule and the value's problem. */
record Failure(int code, String info) {
}
