package io.timport.simulator;
public final class SimulatorMain { public static void main(String[] a) { System.out.println("hi"); } }
