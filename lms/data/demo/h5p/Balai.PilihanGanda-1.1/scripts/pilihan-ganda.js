/*
 * Balai.PilihanGanda 1.1: multiple-choice questions, one at a time, for phones.
 *
 * Balai Daring's own H5P content type. It needs nothing but H5P core's
 * H5P.EventDispatcher (and, through it, H5P.XAPIEvent) as h5p-standalone provides
 * them; the DOM is built with plain DOM calls, text is set with textContent only.
 *
 * content.json:
 *   {intro?, questions: [{text, options: [..], correct: <index>, feedback?}], l10n?}
 *
 * Behaviour:
 * - tapping an option answers the question: the option is marked (colour and
 *   text, not colour alone), the feedback is announced (role="status"), and the
 *   "next" button follows;
 * - after the last question the result is shown and ONE xAPI "answered"
 *   statement with the score of the whole activity is sent
 *   (triggerXAPIScored(score, max, 'answered', true));
 * - getCurrentState() returns {answers, finished} so H5P core saves it
 *   (contentUserData) and a participant coming back continues where they were.
 */
var H5P = (window.H5P = window.H5P || {});

H5P.BalaiPilihanGanda = (function (EventDispatcher) {
  'use strict';

  var L10N = {
    progress: 'Soal :num dari :total',
    correct: 'Benar.',
    wrong: 'Belum tepat.',
    rightAnswer: 'Jawaban yang benar: :answer',
    yourChoice: 'pilihan Anda',
    rightMark: 'jawaban benar',
    next: 'Soal berikutnya',
    finish: 'Lihat hasil',
    resultTitle: 'Hasil',
    result: 'Skor Anda: :score dari :max (:percent%)',
    retry: 'Ulangi',
    answered: 'Benar',
    missed: 'Belum tepat',
    empty: 'Aktivitas ini belum berisi soal.'
  };
  var LETTERS = 'ABCDEFGH';
  var instances = 0;

  function text(value) {
    return typeof value === 'string' ? value : '';
  }

  function fill(template, values) {
    return template.replace(/:(\w+)/g, function (match, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : match;
    });
  }

  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (content !== undefined) { node.textContent = content; }
    return node;
  }

  /** The questions that can be played: text, 2–8 options, a correct index. */
  function cleanQuestions(list) {
    if (!Array.isArray(list)) { return []; }
    return list.filter(function (q) {
      return q && text(q.text) && Array.isArray(q.options) &&
        q.options.length >= 2 && q.options.length <= LETTERS.length &&
        q.options.every(function (o) { return text(o); }) &&
        typeof q.correct === 'number' && q.correct % 1 === 0 &&
        q.correct >= 0 && q.correct < q.options.length;
    }).map(function (q) {
      return { text: q.text, options: q.options.slice(), correct: q.correct, feedback: text(q.feedback) };
    });
  }

  /**
   * @param {Object} params content/content.json
   * @param {number|string} contentId
   * @param {Object} [extras] metadata, previousState (our getCurrentState())
   */
  function PilihanGanda(params, contentId, extras) {
    EventDispatcher.call(this);
    params = params || {};
    extras = extras || {};
    var l10n = {};
    Object.keys(L10N).forEach(function (key) {
      l10n[key] = text(params.l10n && params.l10n[key]) || L10N[key];
    });
    this.l10n = l10n;
    this.intro = text(params.intro);
    this.questions = cleanQuestions(params.questions);
    this.contentId = contentId;
    this.uid = 'balai-pg-' + (++instances);
    this.answers = this.questions.map(function () { return null; });
    this.finished = false;
    this.restore(extras.previousState);
    // All answered but the result not yet asked for: stay on the last question,
    // whose button finishes (and sends the score).
    this.current = this.finished ? this.questions.length
      : Math.min(this.firstOpen(), Math.max(this.questions.length - 1, 0));
  }

  PilihanGanda.prototype = Object.create(EventDispatcher.prototype);
  PilihanGanda.prototype.constructor = PilihanGanda;

  /** Take back a saved state if it fits these questions; ignore it otherwise. */
  PilihanGanda.prototype.restore = function (state) {
    var questions = this.questions;
    if (!state || !Array.isArray(state.answers) || state.answers.length !== questions.length) {
      return;
    }
    var fits = state.answers.every(function (answer, i) {
      return answer === null || (typeof answer === 'number' && answer % 1 === 0 &&
        answer >= 0 && answer < questions[i].options.length);
    });
    if (!fits) { return; }
    this.answers = state.answers.slice();
    this.finished = state.finished === true && this.answers.indexOf(null) === -1;
  };

  PilihanGanda.prototype.firstOpen = function () {
    var open = this.answers.indexOf(null);
    return open === -1 ? this.questions.length : open;
  };

  /** Draw into the container H5P gives (an H5P.jQuery object). */
  PilihanGanda.prototype.attach = function ($container) {
    this.root = $container.get(0);
    this.root.classList.add('balai-pg');
    this.setActivityStarted();
    this.render(false);
  };

  PilihanGanda.prototype.render = function (moveFocus) {
    var root = this.root;
    if (!root) { return; }
    while (root.firstChild) { root.removeChild(root.firstChild); }
    if (!this.questions.length) {
      root.appendChild(el('p', 'balai-pg-empty', this.l10n.empty));
    } else if (this.current >= this.questions.length) {
      this.renderResult(moveFocus);
    } else {
      this.renderQuestion(moveFocus);
    }
    this.trigger('resize');
  };

  PilihanGanda.prototype.renderQuestion = function (moveFocus) {
    var self = this;
    var l10n = self.l10n;
    var index = self.current;
    var question = self.questions[index];
    var total = self.questions.length;
    var headingId = self.uid + '-q' + index;

    if (self.intro && index === 0) {
      self.root.appendChild(el('p', 'balai-pg-intro', self.intro));
    }
    var bar = el('div', 'balai-pg-bar');
    bar.setAttribute('aria-hidden', 'true');
    var fillBar = el('span');
    fillBar.style.width = Math.round((100 * index) / total) + '%';
    bar.appendChild(fillBar);
    self.root.appendChild(bar);

    var heading = el('p', 'balai-pg-question');
    heading.id = headingId;
    heading.tabIndex = -1;
    heading.appendChild(el('span', 'balai-pg-progress', fill(l10n.progress, { num: index + 1, total: total })));
    heading.appendChild(el('span', 'balai-pg-text', question.text));
    self.root.appendChild(heading);

    var list = el('ol', 'balai-pg-options');
    list.setAttribute('role', 'list');
    list.setAttribute('aria-labelledby', headingId);
    var buttons = question.options.map(function (option, choice) {
      var item = el('li');
      var button = el('button', 'balai-pg-option');
      button.type = 'button';
      button.setAttribute('data-choice', String(choice));
      button.appendChild(el('span', 'balai-pg-letter', LETTERS.charAt(choice)));
      button.appendChild(el('span', 'balai-pg-label', option));
      button.addEventListener('click', function () { self.answer(choice); });
      item.appendChild(button);
      list.appendChild(item);
      return button;
    });
    self.root.appendChild(list);

    var feedback = el('div', 'balai-pg-feedback');
    feedback.setAttribute('role', 'status');
    feedback.setAttribute('aria-live', 'polite');
    self.root.appendChild(feedback);
    self.buttons = buttons;
    self.feedback = feedback;

    if (self.answers[index] !== null) {
      self.showAnswer(false);
    }
    if (moveFocus) { heading.focus(); }
  };

  /** Mark the options and show the feedback of the current question. */
  PilihanGanda.prototype.showAnswer = function (announce) {
    var self = this;
    var l10n = self.l10n;
    var index = self.current;
    var question = self.questions[index];
    var chosen = self.answers[index];
    var right = chosen === question.correct;

    self.buttons.forEach(function (button, choice) {
      button.setAttribute('aria-disabled', 'true');
      button.tabIndex = -1;
      var marks = [];
      if (choice === chosen) {
        button.classList.add(right ? 'is-correct' : 'is-wrong');
        marks.push(l10n.yourChoice);
      }
      if (choice === question.correct) {
        button.classList.add('is-answer');
        marks.push(l10n.rightMark);
      }
      if (marks.length) {
        button.appendChild(el('span', 'balai-pg-mark', (choice === question.correct ? '✓ ' : '✗ ') + marks.join(', ')));
      }
    });

    var feedback = self.feedback;
    var fillIn = function () {
      feedback.className = 'balai-pg-feedback ' + (right ? 'is-correct' : 'is-wrong');
      feedback.appendChild(el('strong', null, right ? l10n.correct : l10n.wrong));
      if (!right) {
        var answer = LETTERS.charAt(question.correct) + '. ' + question.options[question.correct];
        feedback.appendChild(document.createTextNode(' ' + fill(l10n.rightAnswer, { answer: answer })));
      }
      if (question.feedback) {
        feedback.appendChild(el('p', null, question.feedback));
      }
    };
    if (announce) {
      // Filled after the live region is in the page, so it is announced.
      window.setTimeout(function () { fillIn(); self.trigger('resize'); }, 50);
    } else {
      fillIn();
    }

    var last = index === self.questions.length - 1;
    var next = el('button', 'balai-pg-next', last ? l10n.finish : l10n.next);
    next.type = 'button';
    next.addEventListener('click', function () {
      self.current = self.firstOpen();
      if (self.current >= self.questions.length) { self.finish(); }
      self.render(true);
    });
    self.root.appendChild(next);
    self.trigger('resize');
  };

  PilihanGanda.prototype.answer = function (choice) {
    var index = this.current;
    if (index >= this.questions.length || this.answers[index] !== null) { return; }
    this.answers[index] = choice;
    this.showAnswer(true);
  };

  /** Every question answered: send the score of the whole activity, once. */
  PilihanGanda.prototype.finish = function () {
    if (this.finished) { return; }
    this.finished = true;
    this.triggerXAPIScored(this.getScore(), this.getMaxScore(), 'answered', true);
  };

  PilihanGanda.prototype.renderResult = function (moveFocus) {
    var self = this;
    var l10n = self.l10n;
    var score = self.getScore();
    var max = self.getMaxScore();

    var heading = el('p', 'balai-pg-result-title', l10n.resultTitle);
    heading.tabIndex = -1;
    self.root.appendChild(heading);
    var summary = el('p', 'balai-pg-result', fill(l10n.result, {
      score: score, max: max, percent: Math.round((100 * score) / max)
    }));
    summary.setAttribute('role', 'status');
    self.root.appendChild(summary);

    var list = el('ol', 'balai-pg-review');
    self.questions.forEach(function (question, i) {
      var right = self.answers[i] === question.correct;
      var item = el('li', right ? 'is-correct' : 'is-wrong');
      item.appendChild(el('span', 'balai-pg-review-mark', (right ? '✓ ' : '✗ ') + (right ? l10n.answered : l10n.missed)));
      item.appendChild(el('span', 'balai-pg-review-text', question.text));
      list.appendChild(item);
    });
    self.root.appendChild(list);

    var retry = el('button', 'balai-pg-retry', l10n.retry);
    retry.type = 'button';
    retry.addEventListener('click', function () {
      self.resetTask();
      self.render(true);
    });
    self.root.appendChild(retry);
    if (moveFocus) { heading.focus(); }
  };

  // The H5P question contract (container types, H5P core's resume state).
  PilihanGanda.prototype.getScore = function () {
    var questions = this.questions;
    return this.answers.filter(function (answer, i) {
      return answer === questions[i].correct;
    }).length;
  };
  PilihanGanda.prototype.getMaxScore = function () {
    return this.questions.length;
  };
  PilihanGanda.prototype.getAnswerGiven = function () {
    return this.answers.some(function (answer) { return answer !== null; });
  };
  PilihanGanda.prototype.getCurrentState = function () {
    if (!this.getAnswerGiven() && !this.wasReset) { return undefined; }
    return { answers: this.answers.slice(), finished: this.finished };
  };
  PilihanGanda.prototype.showSolutions = function () {
    this.current = 0;
    this.render(false);
  };
  PilihanGanda.prototype.resetTask = function () {
    this.answers = this.questions.map(function () { return null; });
    this.finished = false;
    this.wasReset = true;
    this.current = 0;
  };

  return PilihanGanda;
})(H5P.EventDispatcher);

// H5P core finds a content type's constructor by its machine name
// (H5P.newRunnable walks window.Balai.PilihanGanda).
window.Balai = window.Balai || {};
window.Balai.PilihanGanda = H5P.BalaiPilihanGanda;
