Feature: Heavy work is limited per teacher
  Analysing an article and laying out a PDF take a worker process for seconds. One teacher
  may have one such job running at a time and start a few a minute, counted in the database
  so that every worker agrees; the others are told, in their language, to wait. Students'
  requests and other teachers are never held up by one teacher's clicks.

  Background:
    Given a site with the teachers "anne@example.org" and "bruno@example.org" and a stopped clock

  Scenario Outline: An analysis asked while another one of the teacher's is running is refused
    Given "anne@example.org" has an analysis running on another worker
    When "anne@example.org" pastes an article with the interface in <language>
    Then the page answers 429 and says "<message>"
    And the pasted article is still in the form
    And the answer says to retry after 5 seconds

    Examples:
      | language | message                                                                       |
      | English  | You are already analysing an article; wait for it to finish, then try again. |
      | French   | Vous analysez déjà un article ; attendez la fin de l’analyse, puis réessayez. |

  Scenario: Another teacher is not held up
    Given "anne@example.org" has an analysis running on another worker
    When "bruno@example.org" pastes an article with the interface in English
    Then the preview shows the questions

  Scenario: A PDF asked while the teacher's analysis runs waits for it
    Given "anne@example.org" has published the French sample
    And "anne@example.org" has an analysis running on another worker
    When "anne@example.org" downloads the worksheet PDF with the interface in French
    Then the page answers 429 and says "Vous analysez déjà un article ; attendez la fin de l’analyse, puis réessayez."
    When the running analysis ends
    And "anne@example.org" downloads the worksheet PDF with the interface in French
    Then a PDF comes back

  Scenario: An analysis while the teacher's PDF is being laid out names the PDF
    Given "anne@example.org" has a PDF being laid out on another worker
    When "anne@example.org" pastes an article with the interface in English
    Then the page answers 429 and says "You are already printing a worksheet; wait for it to finish, then try again."

  Scenario: A job left behind by a worker that died frees its slot after two minutes
    Given "anne@example.org" has an analysis running on another worker
    When 2 minutes and 1 second pass
    And "anne@example.org" pastes an article with the interface in English
    Then the preview shows the questions

  Scenario: Too many analyses in one minute
    Given heavy jobs are limited to 3 a minute
    When "anne@example.org" has 3 different articles analysed, 15 seconds apart
    And "anne@example.org" pastes an article with the interface in English
    Then the page answers 429 and says "You have started many analyses and printouts in the last minute: wait 30 seconds, then try again."
    When 30 seconds pass
    And "anne@example.org" pastes an article with the interface in English
    Then the preview shows the questions

  Scenario: Updating a preview whose article is already analysed is not heavy work
    Given "anne@example.org" has a preview of the French sample
    And "anne@example.org" has an analysis running on another worker
    When "anne@example.org" updates the questions of that preview
    Then the preview shows the questions
