Feature: A timed quiz in the browser
  A teacher publishes a quiz made from a news article; students join with a code and
  a name, answer against the server's clock, and review the answers with the article's
  cited passages highlighted. The server alone decides when time is up.

  Background:
    Given a fresh mlquiz site with a teacher account and a stopped clock

  Scenario Outline: A teacher publishes the French sample as a 10-minute quiz
    Given the teacher is logged in
    When the teacher <gives> the French sample article
    Then the preview shows the generated questions with their cited passages
    And the preview quotes a speaker's words inside a cited passage with nested marks, never « «
    When the teacher keeps 4 questions, sets a 10 minute limit and publishes
    Then the teacher lands on the quiz's page, which shows its join code
    And the stored quiz has exactly the 4 kept questions and a 600 second limit
    And the stored quiz submits automatically when time runs out and shows answers after it closes

    Examples:
      | gives                 |
      | pastes                |
      | uploads               |
      | presses the button of |

  Scenario: A teacher publishes with a grace period and review after closing
    Given the teacher is logged in
    When the teacher pastes the French sample article
    And the teacher keeps 3 questions, sets a 5 minute limit with a 2 minute grace period, review after close, and publishes
    Then the stored quiz has a 300 second limit, a 120 second grace period and review after close

  Scenario Outline: A copy from a news site keeps the article and leaves out the page
    Given the teacher is logged in
    When the teacher pastes the copy of a news page "<paste>"
    Then the preview's title is "<title>"
    And the preview keeps the standfirst and the byline "<byline>"
    And the preview says which lines of the page were left out, among them "<dropped>"
    And no question and no passage of the article is a line of the page's furniture

    Examples:
      | paste                 | title                                                                     | byline                                | dropped             |
      | site-economie.fr.txt  | Le fabricant de vélos Cyclaure prépare la fermeture de son usine de Vierzon | Par Hélène Vasseur                    | Lire aussi : Les ventes de vélos électriques reculent pour la deuxième année |
      | site-news.en.txt      | Harbourline ferry operator 'in talks' to sell its northern routes         | By Tom Ellery, Transport correspondent | Related stories     |

  Scenario: A teacher pastes the address of an article
    Given the teacher is logged in
    And a news site on this server's network that the app is configured to read
    When the teacher pastes the address of its article page
    Then the preview's title is "Le port de Brévannes ferme un quai"
    And the preview asks about the fetched article, citing its paragraphs and not the site's menus

  Scenario Outline: An address the server must not or cannot read gets a plain message
    Given the teacher is logged in
    When the teacher pastes the address "<address>"
    Then the new-quiz form says "<message>"

    Examples:
      | address                                   | message                                                        |
      | http://169.254.169.254/latest/meta-data/  | This address leads to a private network                        |
      | http://127.0.0.1:9/article                | This address leads to a private network                        |
      | https://no-such-site.invalid/article      | The page could not be fetched: the network may be unavailable  |

  Scenario: A student joins with the code and a name
    Given a published 10 minute quiz of the French sample
    When a student types the join code and the name "Léa Martin"
    Then the student sees the article with numbered paragraphs
    And the student sees every question as a group of radio buttons named after it
    And the state says 600 seconds are left

  Scenario: An answer is saved as soon as it is chosen
    Given a published 10 minute quiz of the French sample
    And the student "Léa Martin" has joined
    When the student chooses the right answer to question 1
    Then the server says the answer is saved
    And the database holds that answer for "Léa Martin"

  Scenario: A reload resumes the same attempt with the server's remaining time
    Given a published 10 minute quiz of the French sample
    And the student "Léa Martin" has joined
    And the student has chosen the right answer to question 1
    When 3 minutes pass and the student reloads the quiz page
    Then the page still shows the saved answer to question 1 as chosen
    And the state says 420 seconds are left
    And there is still only one attempt

  Scenario: The same name on another device needs the resume code
    Given a published 10 minute quiz of the French sample
    And the student "Léa Martin" has joined
    And the student has chosen the right answer to question 1
    When 2 minutes pass and "  léa   MARTIN " tries to join on another device
    Then the join is refused because the name is taken
    When she types her name and the resume code shown on her first device
    Then the page still shows the saved answer to question 1 as chosen
    And the state says 480 seconds are left
    And there is still only one attempt
    And the first device no longer reaches the attempt

  Scenario: A classmate's name does not open their attempt
    Given a published 10 minute quiz of the French sample
    And the student "Léa Martin" has joined
    And the student has chosen the right answer to question 1
    When another student tries to join as "LÉA MARTIN"
    Then the join is refused because the name is taken
    And the attempt of "Léa Martin" still holds only her answer and is not submitted

  Scenario: The teacher lets a student in again on a new device
    Given a published 10 minute quiz of the French sample
    And the student "Sam Diallo" has joined
    And the student has chosen the right answer to question 1
    When the teacher lets "Sam Diallo" in again from the quiz page
    And 1 minutes pass and "Sam Diallo" joins on another device
    Then the page still shows the saved answer to question 1 as chosen
    And the first device no longer reaches the attempt

  Scenario: Handing in shows which questions are unanswered first
    Given a published 10 minute quiz of the French sample
    And the student "Léa Martin" has joined
    And the student has chosen the right answer to question 1
    When the student presses the button under the questions
    Then the student sees a summary saying all but one question are unanswered
    And the attempt is not submitted yet
    When the student hands in from the summary
    Then the student is sent to the done page
    And the attempt was submitted by the student with a score of 1

  Scenario: Time runs out and the attempt is submitted automatically
    Given a published 10 minute quiz of the French sample
    And the student "Léa Martin" has joined
    And the student has chosen the right answer to question 1
    And the student has chosen a wrong answer to question 2
    When 11 minutes pass
    Then the state says the attempt is over
    And an answer to question 3 is refused with 409 and not stored
    And the attempt was submitted automatically at its deadline with a score of 1

  Scenario: Time runs out with a grace period in which the student can only submit
    Given a published 10 minute quiz of the French sample with a 2 minute grace period
    And the student "Léa Martin" has joined
    And the student has chosen the right answer to question 1
    When 10 minutes and 30 seconds pass
    Then the state says the phase is "grace"
    And an answer to question 2 is refused with 409 and not stored
    When the student submits
    Then the student is sent to the done page
    And the attempt was submitted by the student with a score of 1

  Scenario: After the grace period, a submission no longer counts as the student's
    Given a published 10 minute quiz of the French sample with a 2 minute grace period
    And the student "Léa Martin" has joined
    And the student has chosen the right answer to question 1
    When 13 minutes pass
    Then the state says the attempt is over
    When the student submits
    Then the attempt was submitted automatically at its deadline with a score of 1

  Scenario: Extra time granted during the attempt moves the deadline
    Given a published 10 minute quiz of the French sample
    And the student "Sam Diallo" has joined
    When 5 minutes pass
    Then the state says 300 seconds are left
    When the teacher grants "Sam Diallo" 1.5 times the time
    Then the state says 600 seconds are left
    When 6 minutes pass
    Then an answer to question 1 is accepted and stored

  Scenario: A late answer is refused by the server
    Given a published 10 minute quiz of the French sample
    And the student "Léa Martin" has joined
    When 10 minutes and 5 seconds pass
    Then an answer to question 1 is refused with 409 and not stored

  Scenario: Review highlights the cited passages and links them to the questions
    Given a published 10 minute quiz of the French sample with review after submitting
    And the student "Léa Martin" has joined
    And the student has chosen the right answer to question 1
    Then the review page is not available yet
    When the student submits
    Then the student is sent to the done page
    And the review page shows the score, the explanations and the correct answers
    And every cited quote is highlighted in a mark with a cite- id
    And every question links to its highlighted passage
    And the review quotes a speaker's words inside a cited passage with nested marks, never « «

  Scenario: The teacher downloads the results as CSV
    Given a published 10 minute quiz of the French sample
    And the student "Léa Martin" has joined
    And the student has chosen the right answer to question 1
    And the student submits
    And the student "Sam Diallo" has joined
    And the student submits
    When the teacher downloads the results CSV in English
    Then the CSV has a header row naming the student, the score and every question
    And the CSV has one row per student with their score and a 1 or 0 per question

  Scenario: A French teacher's results CSV opens in French Excel
    Given a published 10 minute quiz of the French sample
    And the student "Léa Martin" has joined
    And the student submits
    When the teacher downloads the results CSV in French
    Then the CSV starts with a byte-order mark, separates cells with ";" and names its columns in French
