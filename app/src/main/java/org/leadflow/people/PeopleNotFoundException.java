package org.leadflow.people;

/** A team, rep or absence named in the path does not exist (404). */
public class PeopleNotFoundException extends RuntimeException {

  public PeopleNotFoundException(String message) {
    super(message);
  }
}
