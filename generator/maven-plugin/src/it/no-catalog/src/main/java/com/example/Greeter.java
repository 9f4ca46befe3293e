package com.example;

/** The service's own code; nobody has written a model yet. */
public final class Greeter {
  public String greet(String name) {
    return "hello " + name;
  }
}
