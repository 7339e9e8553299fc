package io.timport.benchmarks;
public class Placeholder { @org.openjdk.jmh.annotations.Benchmark public void b() {} }
