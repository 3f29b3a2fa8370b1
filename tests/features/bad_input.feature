Feature: Refusing what is not a usable article
  When a teacher gives mlquiz something it cannot make a quiz from, it says so
  in one plain line and stops with exit code 2: no traceback, no half-made quiz.

  Scenario Outline: <input> is refused by mlquiz <command>
    Given <input>
    When the teacher runs mlquiz <command> on that file
    Then the command fails with exit code 2
    And nothing is printed on stdout
    And stderr is exactly one line
    And that line says "<says>"
    And that line also says "<also>"
    And there is no traceback anywhere

    Examples:
      | input                                    | command  | says      | also                     |
      | a file that does not exist               | generate | not found | mlquiz                   |
      | a file that does not exist               | analyze  | not found | mlquiz                   |
      | an empty file                            | generate | empty     | mlquiz                   |
      | a file with only blank lines             | analyze  | empty     | mlquiz                   |
      | a PNG image renamed to .txt              | generate | binary    | not an article           |
      | a file of bytes with NULs                | analyze  | binary    | not an article           |
      | French text saved as Latin-1             | generate | UTF-8     | not                      |
      | French text saved as Latin-1             | analyze  | UTF-8     | not                      |
      | a French article padded beyond 1 MB      | generate | 1 MB      | larger                   |
      | an article in German                     | generate | German    | only French and English  |
      | an article in Spanish                    | generate | Spanish   | only French and English  |
      | an article in Spanish                    | analyze  | Spanish   | only French and English  |
      | a folder instead of a file               | generate | folder    | not an article file      |

