"""Date expressions as Arabic news sites print them, from datelines, bylines and article bodies."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rased.arabic.dates import DateMatch, find_date, find_dates
from rased.arabic.months import GREGORIAN_MONTHS, HIJRI_MONTHS, WEEKDAYS, gregorian_month, hijri_month, weekday

# (text, expected value in ISO form, precision, kind) for find_date.
CASES = [
    # Al Arabiya: Hijri and Gregorian dateline, then KSA and GMT clocks.
    ("الثلاثاء 21 رجب 1438هـ - 18 أبريل 2017م KSA 13:51 - GMT 10:51", "2017-04-18T13:51+03:00", "minute", "absolute"),
    ("آخر تحديث: الأربعاء 11 يوليو 2018 KSA 09:48 - GMT 06:48", "2018-07-11T09:48+03:00", "minute", "absolute"),
    ("نشر في: الاثنين 26 فبراير 2018 KSA 05:20", "2018-02-26T05:20+03:00", "minute", "absolute"),
    ("الخميس 2 شعبان 1439هـ - 19 أبريل 2018م", "2018-04-19", "day", "absolute"),
    ("دبي - العربية.نت 15 يوليو 2018", "2018-07-15", "day", "absolute"),
    ("الأحد 15 رمضان 1438 هـ - 11 يونيو 2017 م", "2017-06-11", "day", "absolute"),
    # BBC Arabic: paired month names.
    ("18 أبريل/ نيسان 2017", "2017-04-18", "day", "absolute"),
    ("آخر تحديث: 18 أبريل/ نيسان 2017 - 10:51 GMT", "2017-04-18T10:51+00:00", "minute", "absolute"),
    ("26 فبراير/ شباط 2018", "2018-02-26", "day", "absolute"),
    ("الاثنين 3 سبتمبر/أيلول 2018", "2018-09-03", "day", "absolute"),
    ("10 أكتوبر/ تشرين الأول 2018", "2018-10-10", "day", "absolute"),
    ("في 7 نوفمبر/تشرين الثاني 2012", "2012-11-07", "day", "absolute"),
    ("منذ 31 يناير/ كانون ثاني 2018", "2018-01-31", "day", "absolute"),
    ("25 ديسمبر/كانون الأول 2017", "2017-12-25", "day", "absolute"),
    ("14 يونيو/حزيران 2018", "2018-06-14", "day", "absolute"),
    ("في 10 فبراير/شباط 2018 عندما", "2018-02-10", "day", "absolute"),
    ("يوم 14 سبتمبر/أيلول 1822", "1822-09-14", "day", "absolute"),
    ("في 18 آب/أغسطس 2018", "2018-08-18", "day", "absolute"),
    ("في 11 حزيران/يونيو 2018 في مطار", "2018-06-11", "day", "absolute"),
    ("22 مايو/أيار 2018", "2018-05-22", "day", "absolute"),
    ("4 مارس/آذار 2018", "2018-03-04", "day", "absolute"),
    ("25 يوليو/ تموز 2015", "2015-07-25", "day", "absolute"),
    # Asharq Al-Awsat: parenthesised second name, «مـ» after the year.
    ("الثلاثاء - 21 رجب 1438 هـ - 18 أبريل 2017 مـ رقم العدد [14022]", "2017-04-18", "day", "absolute"),
    ("نُشر: 13:51-18 أبريل 2017 م ـ 21 رجب 1438 هـ", "2017-04-18", "day", "absolute"),
    ("في 26 فبراير (شباط) 2016 في زيورخ", "2016-02-26", "day", "absolute"),
    ("ثورة 25 يناير (كانون الثاني) 2011", "2011-01-25", "day", "absolute"),
    ("عقب ثورة 30 يونيو (حزيران) عام 2013", "2013-06-30", "day", "absolute"),
    ("في 23 مارس (آذار) 2011، قبل", "2011-03-23", "day", "absolute"),
    ("في 17 من يوليو (تموز) 2014 عندما", "2014-07-17", "day", "absolute"),
    ("التي وقعت 24 نوفمبر (تشرين الثاني) 2013 بين", "2013-11-24", "day", "absolute"),
    ("من 3 إلى 5 نوفمبر (تشرين الثاني) 2015 في العاصمة", "2015-11-05", "day", "absolute"),
    ("18 نيسان (أبريل) 2017", "2017-04-18", "day", "absolute"),
    ("12 آب (أغسطس) 2018", "2018-08-12", "day", "absolute"),
    ("8 أيلول (سبتمبر) 2015", "2015-09-08", "day", "absolute"),
    ("لندن: «الشرق الأوسط» 18 أبريل 2017", "2017-04-18", "day", "absolute"),
    # Reuters copy: both names side by side.
    ("يوم 24 يوليو تموز 2015 وهو أقل مستوى", "2015-07-24", "day", "absolute"),
    ("منذ 30 مارس آذار 2014.", "2014-03-30", "day", "absolute"),
    ("في 12 يناير كانون الثاني 2015", "2015-01-12", "day", "absolute"),
    # Sky News Arabia.
    ("أبوظبي - سكاي نيوز عربية الثلاثاء 18 أبريل 2017 - 10:51 صباحاً بتوقيت أبوظبي", "2017-04-18T10:51+04:00", "minute", "absolute"),
    ("تاريخ النشر: 26 فبراير 2018 - 12:05 م", "2018-02-26T12:05", "minute", "absolute"),
    ("12 مارس 2018 - 12:30 ص", "2018-03-12T00:30", "minute", "absolute"),
    ("آخر تحديث: 05 مايو 2018 - 08:14 مساءً بتوقيت أبوظبي", "2018-05-05T20:14+04:00", "minute", "absolute"),
    ("الجمعة 1 يونيو 2018 - 03:40 ص", "2018-06-01T03:40", "minute", "absolute"),
    # Al Jazeera: year first, Mecca or Greenwich clock.
    ("تاريخ النشر: 2017/4/18 الساعة 13:51 (مكة المكرمة)", "2017-04-18T13:51+03:00", "minute", "absolute"),
    ("آخر تحديث: 2016/7/15 الساعة 22:10 (مكة المكرمة)", "2016-07-15T22:10+03:00", "minute", "absolute"),
    ("2013/6/30 الساعة 10:05 (مكة المكرمة)", "2013-06-30T10:05+03:00", "minute", "absolute"),
    ("آخر تحديث: 2010/12/5 الساعة 14:31 (مكة المكرمة)، 11:31 (غرينتش)", "2010-12-05T14:31+03:00", "minute", "absolute"),
    ("2009/1/3 الساعة 09:12 (ت.غ)", "2009-01-03T09:12+00:00", "minute", "absolute"),
    ("2018/3/1 الساعة 17:20 (توقيت مكة المكرمة)", "2018-03-01T17:20+03:00", "minute", "absolute"),
    ("18/4/2017", "2017-04-18", "day", "absolute"),
    # Hespress (Morocco).
    ("الأحد 12 غشت 2018 - 13:00", "2018-08-12T13:00", "minute", "absolute"),
    ("12 غشت 2019", "2019-08-12", "day", "absolute"),
    ("الخميس 05 يوليوز 2018 - 22:15", "2018-07-05T22:15", "minute", "absolute"),
    ("الاثنين 10 شتنبر 2018 - 09:00", "2018-09-10T09:00", "minute", "absolute"),
    ("الجمعة 23 نونبر 2018 - 18:40", "2018-11-23T18:40", "minute", "absolute"),
    ("الأربعاء 19 دجنبر 2018 - 07:30", "2018-12-19T07:30", "minute", "absolute"),
    ("السبت 12 ماي 2018 - 11:00", "2018-05-12T11:00", "minute", "absolute"),
    ("الثلاثاء 15 يناير 2019 - 16:05", "2019-01-15T16:05", "minute", "absolute"),
    ("الرباط 3 أبريل 2018 - 10:00 بتوقيت الرباط", "2018-04-03T10:00+01:00", "minute", "absolute"),
    # Echorouk, El Khabar, Tunisian sites (Maghrebi names).
    ("5 جويلية 2018", "2018-07-05", "day", "absolute"),
    ("الخميس 05 جويلية 2018 10:30", "2018-07-05T10:30", "minute", "absolute"),
    ("2018/07/05 10:30", "2018-07-05T10:30", "minute", "absolute"),
    ("15 جانفي 2019", "2019-01-15", "day", "absolute"),
    ("20 فيفري 2019", "2019-02-20", "day", "absolute"),
    ("3 أفريل 2019", "2019-04-03", "day", "absolute"),
    ("12 جوان 2019", "2019-06-12", "day", "absolute"),
    ("20 أوت 2019", "2019-08-20", "day", "absolute"),
    ("الأربعاء 14 جانفي 2015", "2015-01-14", "day", "absolute"),
    ("الجزائر 1 نوفمبر 2018 - 09:15 بتوقيت الجزائر", "2018-11-01T09:15+01:00", "minute", "absolute"),
    ("تونس 14 جانفي 2019 على الساعة 18:00", "2019-01-14T18:00", "minute", "absolute"),
    # Youm7, Al-Ahram, Masrawy (Egypt): -يه endings, 12-hour clocks.
    ("الثلاثاء، 18 أبريل 2017 01:51 م", "2017-04-18T13:51", "minute", "absolute"),
    ("الجمعة، 13 يوليه 2018 09:00 ص", "2018-07-13T09:00", "minute", "absolute"),
    ("الأحد، 05 يونيه 2016 - 11:45 م", "2016-06-05T23:45", "minute", "absolute"),
    ("الخميس، 01 فبراير 2018 12:00 ص", "2018-02-01T00:00", "minute", "absolute"),
    ("الخميس، 01 فبراير 2018 12:30 م", "2018-02-01T12:30", "minute", "absolute"),
    ("18-4-2017 | 13:51", "2017-04-18T13:51", "minute", "absolute"),
    ("18-4-2017 1:51:10 PM", "2017-04-18T13:51:10", "second", "absolute"),
    ("السبت 4 من أغسطس 2018", "2018-08-04", "day", "absolute"),
    ("الأهرام: 30 يونيه 2013", "2013-06-30", "day", "absolute"),
    ("كتب: محمد 5 إبريل 2016 - 10:30 مساءً بتوقيت القاهرة", "2016-04-05T22:30+02:00", "minute", "absolute"),
    ("جريدة الوفد، 26 مارس 1987.", "1987-03-26", "day", "absolute"),
    ("في 17 نوفمبر من عام 1869م في عهد", "1869-11-17", "day", "absolute"),
    ("في 3 فبراير من العام 1975.", "1975-02-03", "day", "absolute"),
    # SPA, Alriyadh, Okaz, Al-Madina (Saudi): Hijri with الموافق.
    ("الرياض 22 رجب 1438 هـ الموافق 19 أبريل 2017 م واس", "2017-04-19", "day", "absolute"),
    ("مكة المكرمة 15 رمضان 1438 هـ الموافق 10 يونيو 2017 م واس", "2017-06-10", "day", "absolute"),
    ("تبليسي 25 شوال 1436 هـ الموافق 10 اغسطس 2015", "2015-08-10", "day", "absolute"),
    ("الدوحة 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م", "2015-08-11", "day", "absolute"),
    ("28 رمضان 1436، الموافق 15 يوليو 2015؛", "2015-07-15", "day", "absolute"),
    ("الثلاثاء 21 رجب 1438هـ - 18 أبريل 2017م", "2017-04-18", "day", "absolute"),
    ("السبت 1 ذو الحجة 1439هـ - 11 أغسطس 2018م", "2018-08-11", "day", "absolute"),
    ("يوم الخميس الموافق 23و24 يوليو 2015م", "2015-07-24", "day", "absolute"),
    ("هـ الموافق 9-8-2015", "2015-08-09", "day", "absolute"),
    ("بتاريخ 29 / 7 / 2015", "2015-07-29", "day", "absolute"),
    ("التدشين الموافق 26/5/2015", "2015-05-26", "day", "absolute"),
    ("ختتم المسابقات يوم الاحد ٢ اغسطس ٢٠١٥", "2015-08-02", "day", "absolute"),
    ("وكُلف بحاح في 13 أكتوبر 2014 بتشكيل", "2014-10-13", "day", "absolute"),
    ("في تاريخ 7 يوليو 2015، ووردتني", "2015-07-07", "day", "absolute"),
    ("في\u00a0الصخيرات بتاريخ 11 يوليو\u00a02015", "2015-07-11", "day", "absolute"),
    ("في تمام الساعة 10:00 مساءً بتوقيت السعودية 5 أغسطس 2015", "2015-08-05", "day", "absolute"),
    ("5 أغسطس 2015 في تمام الساعة 10:00 مساءً بتوقيت السعودية", "2015-08-05T22:00+03:00", "minute", "absolute"),
    ("بحلول 30 يونيو 2015 الساعة 13:50 بتوقيت جرينتش", "2015-06-30T13:50+00:00", "minute", "absolute"),
    ("24 يوليو 2015 الساعة 14:38 بتوقيت غرينتش", "2015-07-24T14:38+00:00", "minute", "absolute"),
    # Iraqi, Syrian, Lebanese, Jordanian, Palestinian sites (Levantine names).
    ("١٨ نيسان ٢٠١٧", "2017-04-18", "day", "absolute"),
    ("3 كانون الثاني 2015", "2015-01-03", "day", "absolute"),
    ("الاحد 3 كانون الثاني 2016 12:30", "2016-01-03T12:30", "minute", "absolute"),
    ("بغداد/ السبت، 14 تموز 2018", "2018-07-14", "day", "absolute"),
    ("14 تموز 2018 - 10:30 بتوقيت بغداد", "2018-07-14T10:30+03:00", "minute", "absolute"),
    ("دمشق-سانا 18 نيسان 2017", "2017-04-18", "day", "absolute"),
    ("٢٣ آذار ٢٠١٩", "2019-03-23", "day", "absolute"),
    ("1 أيار 2018", "2018-05-01", "day", "absolute"),
    ("17 حزيران 2018", "2018-06-17", "day", "absolute"),
    ("5 آب 2018", "2018-08-05", "day", "absolute"),
    ("9 أيلول 2018", "2018-09-09", "day", "absolute"),
    ("15 تشرين الأول 2018", "2018-10-15", "day", "absolute"),
    ("15 تشرين الاول 2018", "2018-10-15", "day", "absolute"),
    ("4 تشرين الثاني 2018", "2018-11-04", "day", "absolute"),
    ("20 تشرين ثاني 2018", "2018-11-20", "day", "absolute"),
    ("6 تشرين أول 2018", "2018-10-06", "day", "absolute"),
    ("25 كانون الأول 2018", "2018-12-25", "day", "absolute"),
    ("31 كانون أول 2018", "2018-12-31", "day", "absolute"),
    ("3 شباط 2019", "2019-02-03", "day", "absolute"),
    ("بيروت، 3 آذار 2019 - 10:00 بتوقيت بيروت", "2019-03-03T10:00+02:00", "minute", "absolute"),
    ("عمان 5 أيار 2018", "2018-05-05", "day", "absolute"),
    ("رام الله - الأحد 2 حزيران 2019 - 14:20 بتوقيت القدس", "2019-06-02T14:20+02:00", "minute", "absolute"),
    ("الخميس ١٢ كانون الأول ٢٠١٩ - ٠٩:٠٥ ص", "2019-12-12T09:05", "minute", "absolute"),
    ("الثلاثاء 3 كانون الثاني 2017 الساعة 11:00 صباحا بتوقيت دمشق", "2017-01-03T11:00+03:00", "minute", "absolute"),
    # Weekday prefixes, commas, «م» after the year, diacritics and tatweel.
    ("الثلاثاء 18/أبريل/2017 - 01:51 م", "2017-04-18T13:51", "minute", "absolute"),
    ("الثلاثاء، 18 أبريل 2017", "2017-04-18", "day", "absolute"),
    ("يوم الأحد 23 أبريل 2017", "2017-04-23", "day", "absolute"),
    ("18 أبريل، 2017", "2017-04-18", "day", "absolute"),
    ("18 أبريل 2017م", "2017-04-18", "day", "absolute"),
    ("18 ابريل 2017", "2017-04-18", "day", "absolute"),
    ("18 إبريل 2017", "2017-04-18", "day", "absolute"),
    ("الثُّلاثاء 18 أبـــريل 2017", "2017-04-18", "day", "absolute"),
    ("18 فبرایر 2018", "2018-02-18", "day", "absolute"),
    ("18 - أبريل - 2017", "2017-04-18", "day", "absolute"),
    ("الـ18 من أبريل 2017", "2017-04-18", "day", "absolute"),
    ("الأربعاء 1 يناير 2020", "2020-01-01", "day", "absolute"),
    ("29 فبراير 2016", "2016-02-29", "day", "absolute"),
    # WordPress-style month first.
    ("أبريل 18, 2017", "2017-04-18", "day", "absolute"),
    ("نوفمبر 5، 2018", "2018-11-05", "day", "absolute"),
    ("نيسان/أبريل 18، 2017", "2017-04-18", "day", "absolute"),
    # Numeric dates: day first, year first, Arabic-Indic digits.
    ("18-04-2017", "2017-04-18", "day", "absolute"),
    ("2017/04/18", "2017-04-18", "day", "absolute"),
    ("2017-04-18", "2017-04-18", "day", "absolute"),
    ("١٨/٤/٢٠١٧", "2017-04-18", "day", "absolute"),
    ("٢٠١٧/٠٤/١٨", "2017-04-18", "day", "absolute"),
    ("18.04.2017", "2017-04-18", "day", "absolute"),
    ("١٨-٠٤-٢٠١٧ ١٣:٥١", "2017-04-18T13:51", "minute", "absolute"),
    ("2017-04-18 13:51:07", "2017-04-18T13:51:07", "second", "absolute"),
    ("18/04/2017 10:30:15", "2017-04-18T10:30:15", "second", "absolute"),
    ("18 / 4 / 2017", "2017-04-18", "day", "absolute"),
    ("12/12/2012", "2012-12-12", "day", "absolute"),
    # Publication prefixes.
    ("نشر في 18 أبريل 2017", "2017-04-18", "day", "absolute"),
    ("نُشر في: 18 أبريل 2017 - 08:00 ص", "2017-04-18T08:00", "minute", "absolute"),
    ("تاريخ النشر: 18/04/2017", "2017-04-18", "day", "absolute"),
    ("آخر تحديث:18/4/2017", "2017-04-18", "day", "absolute"),
    ("آخر تحديث: 18 أبريل 2017 | 22:40", "2017-04-18T22:40", "minute", "absolute"),
    ("تم التحديث 18/4/2017 10:30", "2017-04-18T10:30", "minute", "absolute"),
    ("بتاريخ 18/4/2017", "2017-04-18", "day", "absolute"),
    # Clocks: periods of the day and named zones.
    ("18 أبريل 2017 الساعة 10:30 صباحا", "2017-04-18T10:30", "minute", "absolute"),
    ("18 أبريل 2017 الساعة 10:30 صباحاً", "2017-04-18T10:30", "minute", "absolute"),
    ("18 أبريل 2017 الساعة 7:15 مساءً", "2017-04-18T19:15", "minute", "absolute"),
    ("18 أبريل 2017 الساعة 1:00 ظهراً", "2017-04-18T13:00", "minute", "absolute"),
    ("18 أبريل 2017 الساعة 12:00 ظهرا", "2017-04-18T12:00", "minute", "absolute"),
    ("18 أبريل 2017 الساعة 11:30 ليلاً", "2017-04-18T23:30", "minute", "absolute"),
    ("18 أبريل 2017 الساعة 12:15 ليلا", "2017-04-18T00:15", "minute", "absolute"),
    ("18 أبريل 2017 الساعة 5:10 فجراً", "2017-04-18T05:10", "minute", "absolute"),
    ("18 أبريل 2017 - 10:51 GMT", "2017-04-18T10:51+00:00", "minute", "absolute"),
    ("18 أبريل 2017 - 10:51 بتوقيت غرينتش", "2017-04-18T10:51+00:00", "minute", "absolute"),
    ("18 أبريل 2017 - 10:51 بتوقيت مكة", "2017-04-18T10:51+03:00", "minute", "absolute"),
    ("18 أبريل 2017 - 10:51 بتوقيت مكة المكرمة", "2017-04-18T10:51+03:00", "minute", "absolute"),
    ("18 أبريل 2017 - 10:51 بتوقيت القاهرة", "2017-04-18T10:51+02:00", "minute", "absolute"),
    ("18 أبريل 2017 - 10:51 بتوقيت بغداد", "2017-04-18T10:51+03:00", "minute", "absolute"),
    ("18 أبريل 2017 - 10:51 (GMT+3)", "2017-04-18T10:51+03:00", "minute", "absolute"),
    ("18 أبريل 2017 - 10:51 GMT+03:00", "2017-04-18T10:51+03:00", "minute", "absolute"),
    ("18 أبريل 2017 - 10:51:30 UTC", "2017-04-18T10:51:30+00:00", "second", "absolute"),
    # Hijri only.
    ("15 رمضان 1438 هـ", "2017-06-10", "day", "hijri"),
    ("15 رمضان 1438هـ", "2017-06-10", "day", "hijri"),
    ("1 محرم 1440", "2018-09-11", "day", "hijri"),
    ("1 محرم 1440 ه", "2018-09-11", "day", "hijri"),
    ("الجمعة 21 جمادى الآخرة 1436ه عندما", "2015-04-10", "day", "hijri"),
    ("2 ذو القعدة 1436 هـ", "2015-08-17", "day", "hijri"),
    ("10 ذي الحجة 1439هـ", "2018-08-21", "day", "hijri"),
    ("12 ربيع الأول 1440 هـ", "2018-11-20", "day", "hijri"),
    ("5 ربيع الآخر 1440", "2018-12-12", "day", "hijri"),
    ("5 ربيع الثاني 1440", "2018-12-12", "day", "hijri"),
    ("١٠ شوال ١٤٣٦ هـ", "2015-07-26", "day", "hijri"),
    ("27 رجب 1439هـ", "2018-04-13", "day", "hijri"),
    ("15 شعبان 1439 هـ", "2018-05-01", "day", "hijri"),
    ("7 صفر 1440هـ", "2018-10-16", "day", "hijri"),
    ("3 جمادى الأولى 1440هـ", "2019-01-09", "day", "hijri"),
    ("1 شوال 1441 هـ", "2020-05-24", "day", "hijri"),
    ("أمس الجمعة 8/10/1436", "2015-07-24", "day", "hijri"),
    ("اليوم الجمعة الموافق 1436/10/15", "2015-07-31", "day", "hijri"),
    ("وكيل الجامعة مشهداً في 13/ 9/ 1436", "2015-06-30", "day", "hijri"),
    ("يوم الأربعاء الموافق 26 - 10 - 1436 هـ", "2015-08-11", "day", "hijri"),
    # Machine formats: feeds, sitemaps, meta tags.
    ("2017-04-18T13:51:00+03:00", "2017-04-18T13:51:00+03:00", "second", "iso"),
    ("2017-04-18T10:51:00Z", "2017-04-18T10:51:00+00:00", "second", "iso"),
    ("2018-07-05T10:30+01:00", "2018-07-05T10:30+01:00", "minute", "iso"),
    ("2019-03-03T08:00:00.000+0200", "2019-03-03T08:00:00+02:00", "second", "iso"),
    ("2017-04-18T13:51:00", "2017-04-18T13:51:00", "second", "iso"),
    ("Tue, 18 Apr 2017 10:51:00 GMT", "2017-04-18T10:51:00+00:00", "second", "rfc822"),
    ("Mon, 26 Feb 2018 02:20:10 +0400", "2018-02-26T02:20:10+04:00", "second", "rfc822"),
    ("Sun, 15 Jul 2018 21:05:33 GMT", "2018-07-15T21:05:33+00:00", "second", "rfc822"),
    ("Wed, 02 May 2018 07:00:00 +0300", "2018-05-02T07:00:00+03:00", "second", "rfc822"),
    ("18 Apr 2017 10:51 -0500", "2017-04-18T10:51:00-05:00", "minute", "rfc822"),
]

REFERENCE = datetime(2017, 4, 18, 15, 30, 12)

RELATIVE = [
    ("منذ 3 ساعات", "2017-04-18T12:30", "minute"),
    ("منذ ٣ ساعات", "2017-04-18T12:30", "minute"),
    ("منذ ثلاث ساعات", "2017-04-18T12:30", "minute"),
    ("منذ ساعتين", "2017-04-18T13:30", "minute"),
    ("منذ ساعة", "2017-04-18T14:30", "minute"),
    ("منذ ساعة واحدة", "2017-04-18T14:30", "minute"),
    ("منذ 20 ساعة", "2017-04-17T19:30", "minute"),
    ("منذ 5 دقائق", "2017-04-18T15:25", "minute"),
    ("منذ دقيقة", "2017-04-18T15:29", "minute"),
    ("منذ دقيقتين", "2017-04-18T15:28", "minute"),
    ("منذ 15 دقيقة", "2017-04-18T15:15", "minute"),
    ("منذ 30 ثانية", "2017-04-18T15:29:42", "second"),
    ("منذ يومين", "2017-04-16", "day"),
    ("منذ 3 أيام", "2017-04-15", "day"),
    ("منذ 3 ايام", "2017-04-15", "day"),
    ("منذ يوم", "2017-04-17", "day"),
    ("منذ أسبوع", "2017-04-11", "day"),
    ("نشر منذ نحو ساعتين", "2017-04-18T13:30", "minute"),
    ("أمس", "2017-04-17", "day"),
    ("امس", "2017-04-17", "day"),
    ("قال كاميرون، أمس، انه يريد", "2017-04-17", "day"),
    ("أول أمس", "2017-04-16", "day"),
    ("أول من أمس", "2017-04-16", "day"),
    ("أمس الأول", "2017-04-16", "day"),
    ("اليوم", "2017-04-18", "day"),
    ("اليوم (الثلاثاء)", "2017-04-18", "day"),
    ("اليوم الثلاثاء", "2017-04-18", "day"),
    ("أمس الساعة 10:30 مساءً", "2017-04-17T22:30", "minute"),
    ("اليوم 09:15 ص", "2017-04-18T09:15", "minute"),
]

NO_DATE = [
    "",
    "3000 مواطن",
    "قتل 18 شخصا وأصيب 40 آخرون",
    "31/02/2017",
    "18/13/2017",
    "32 مارس 2017",
    "29 فبراير 2017",
    "0 أبريل 2017",
    "عام 2017",
    "2017",
    "منذ 2013",
    "في 1438هـ",
    "1434/ 1435هـ",
    "رمضان 1438",
    "18 أبريل",
    "في 8 مايو الماضي",
    "الساعة 10:30 صباحا",
    "برميل بحلول الساعة 13:50 بتوقيت جرينتش",
    "12 مليون دولار في 2017",
    "رقم 1438",
    "فاز 3-1 على",
    "ثالثا 7.37.05",
    "5 رمضان 2017",
    "18 أبريل 1438 هـ",
    "1 محرم 1200 هـ",
    "بنسبة 1.18/4/2017",
    "الهاتف 0555-12-2017",
    "منذ 3 ساعات",
    "اليوم",
]

NOT_RELATIVE = [
    "منذ سنوات",
    "منذ ساعات الصباح",
    "منذ يوم الجمعة",
    "منذ يوم 30 يونيو",
    "صحيفة اليوم السابع",
    "منذ اليوم الأول",
    "منذ ذلك اليوم،",
    "في نفس اليوم",
    "اليوم العالمي للمرأة",
    "أمسية شعرية",
    "منذ 28 عاما",
    "منذ أيام",
]

SPANS = [
    ("نشر في: الثلاثاء 18 أبريل 2017 - 01:51 م وفي", "الثلاثاء 18 أبريل 2017 - 01:51 م"),
    ("تاريخ النشر: 18/04/2017 - قال", "18/04/2017"),
    ("واس الرياض 22 رجب 1438 هـ الموافق", "22 رجب 1438 هـ"),
    ("بتاريخ ١٨ نيسان ٢٠١٧، أعلن", "١٨ نيسان ٢٠١٧"),
    ("وقال في 18 أبـريل 2017م إن", "18 أبـريل 2017م"),
    ("الثُّلاثاء 18 أبْريل 2017", "الثُّلاثاء 18 أبْريل 2017"),
    ("\u200fآخر تحديث: 2017/4/18 الساعة 13:51 (مكة المكرمة) لندن", "2017/4/18 الساعة 13:51 (مكة المكرمة)"),
    ("<pubDate>Tue, 18 Apr 2017 10:51:00 GMT</pubDate>", "Tue, 18 Apr 2017 10:51:00 GMT"),
    ('content="2017-04-18T13:51:00+03:00"', "2017-04-18T13:51:00+03:00"),
    ("الأحد 12 غشت 2018 - 13:00 الرباط", "الأحد 12 غشت 2018 - 13:00"),
]


def _expected(iso: str) -> datetime:
    return datetime.fromisoformat(iso)


def _same(value: datetime, iso: str) -> bool:
    want = _expected(iso)
    return value == want and value.utcoffset() == want.utcoffset()


@pytest.mark.parametrize(("text", "iso", "precision", "kind"), CASES, ids=[c[0][:40] for c in CASES])
def test_find_date(text, iso, precision, kind):
    m = find_date(text)
    assert m is not None, text
    assert (m.value.isoformat(), m.precision, m.kind) == (_expected(iso).isoformat(), precision, kind)
    assert _same(m.value, iso)
    assert 0 <= m.start < m.end <= len(text)


def test_enough_real_world_cases():
    assert len(CASES) >= 170


@pytest.mark.parametrize(("text", "iso", "precision"), RELATIVE, ids=[c[0] for c in RELATIVE])
def test_relative(text, iso, precision):
    m = find_date(text, reference=REFERENCE)
    assert m is not None and m.kind == "relative"
    assert (m.value, m.precision) == (_expected(iso), precision)


def test_relative_keeps_reference_zone():
    ref = datetime(2017, 4, 18, 15, 30, tzinfo=timezone(timedelta(hours=3)))
    m = find_date("منذ ساعتين", reference=ref)
    assert m.value == datetime(2017, 4, 18, 13, 30, tzinfo=ref.tzinfo) and m.value.utcoffset() == timedelta(hours=3)


def test_relative_needs_reference():
    assert find_dates("نشر منذ 3 ساعات، أمس واليوم") == []


@pytest.mark.parametrize("text", NO_DATE)
def test_no_date(text):
    assert find_date(text) is None
    assert find_dates(text) == []


@pytest.mark.parametrize("text", NOT_RELATIVE)
def test_not_relative(text):
    assert find_dates(text, reference=REFERENCE) == []


@pytest.mark.parametrize(("text", "span"), SPANS, ids=[s[1][:30] for s in SPANS])
def test_span_is_the_expression(text, span):
    m = find_date(text)
    assert text[m.start:m.end] == span


def test_gregorian_preferred_over_hijri_and_relative():
    text = "اليوم الأحد 15 رمضان 1438 هـ - 11 يونيو 2017 م"
    found = find_dates(text, reference=REFERENCE)
    assert [d.kind for d in found] == ["relative", "hijri", "absolute"]
    assert find_date(text, reference=REFERENCE).value == datetime(2017, 6, 11)


def test_machine_format_preferred():
    m = find_date("نشر في 18 أبريل 2017 <time datetime=\"2017-04-18T13:51:00+03:00\">")
    assert m.kind == "iso"


def test_all_dates_in_order_without_overlap():
    text = "قتل في 3 مارس 2015 ثم في 18/4/2017 وأيضا 15 رمضان 1438 هـ والمنشور Tue, 18 Apr 2017 10:51:00 GMT"
    found = find_dates(text)
    assert [d.kind for d in found] == ["absolute", "absolute", "hijri", "rfc822"]
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_match_is_frozen():
    m = find_date("18 أبريل 2017")
    assert isinstance(m, DateMatch)
    with pytest.raises(AttributeError):
        m.start = 0  # type: ignore[misc]


def test_month_tables():
    for name, number in [("يناير", 1), ("كانون الثاني", 1), ("كانون  الثاني", 1), ("جانفي", 1), ("فبرایر", 2),
                         ("اذار", 3), ("إبريل", 4), ("أفريل", 4), ("ماي", 5), ("يونيه", 6), ("جوان", 6),
                         ("يوليوز", 7), ("جويلية", 7), ("غشت", 8), ("أوت", 8), ("آب", 8), ("شتنبر", 9),
                         ("تشرين الأول", 10), ("نونبر", 11), ("دجنبر", 12)]:
        assert gregorian_month(name) == number, name
    assert gregorian_month("رمضان") is None and gregorian_month("مدينة") is None
    assert hijri_month("ذي الحجة") == 12 and hijri_month("جمادى الآخرة") == 6 and hijri_month("يناير") is None
    assert weekday("الأحد") == 6 and weekday("الإثنين") == 0 and weekday("جمعة") == 4
    assert all(1 <= v <= 12 for v in (*GREGORIAN_MONTHS.values(), *HIJRI_MONTHS.values()))
    assert set(WEEKDAYS.values()) == set(range(7))


_PIECES = st.sampled_from(["18", "/", "-", " ", "أبريل", "نيسان", "(", ")", "2017", "1438", "هـ", "رمضان", "م", "ص",
                           "13:51", "منذ", "ساعتين", "أمس", "اليوم", "GMT", "T", "Z", "+03:00", "،", "\u0640",
                           "\u064e", "\u200f", "١٨", "بتوقيت", "مكة", "Tue, 18 Apr 2017", "2017-04-18"])


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=80), st.lists(_PIECES, max_size=14).map("".join)))
def test_never_raises_and_spans_in_bounds(text):
    found = find_dates(text, reference=REFERENCE)
    last = 0
    for m in found:
        assert last <= m.start < m.end <= len(text)
        assert m.precision in {"day", "minute", "second"}
        last = m.end
    assert find_date(text) is None or find_date(text) in find_dates(text)
