package io.timport.example;
@io.timport.annotation.FriendFields
public interface ExampleImporter { static void main(String[] a) { System.out.println("hi"); } }
