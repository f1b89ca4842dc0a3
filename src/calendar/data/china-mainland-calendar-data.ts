import type { DeepReadonly } from '../working-calendar';
import type { WorkingCalendarData } from '../working-calendar-data-schema';

const issuer = '国务院办公厅';

/**
 * Working-day data for mainland China, 2020–2026, transcribed from the State Council General
 * Office's yearly notices 《国务院办公厅关于XXXX年部分节假日安排的通知》 (days off as each notice
 * writes its blocks, 放假调休; make-up workdays, 调休上班) and the 2020 notice extending the Spring
 * Festival. Cross-checked day by day against the `chinese-days` package in the tests.
 *
 * Document numbers were checked against reprints of each notice; the 2026 notice's number was
 * not found and is left out. URLs are the www.gov.cn pages as cited by `chinese-days`.
 * Since 2025-01-01 the amended 《全国年节及纪念日放假办法》 adds 除夕 and a second 劳动节 day.
 */
export const chinaMainlandCalendarData: DeepReadonly<WorkingCalendarData> = {
  id: 'cn-mainland',
  name: '中国大陆 (mainland China), 国务院办公厅 holiday notices',
  timeZone: 'Asia/Shanghai',
  weekend: [6, 0],
  updateHint:
    "The mainland's notice for a year, 国务院办公厅《关于XXXX年部分节假日安排的通知》, is published on www.gov.cn " +
    '(https://www.gov.cn/zhengce/), usually between October and December of the year before.',
  years: [
    {
      year: 2020,
      source: {
        title: '国务院办公厅关于2020年部分节假日安排的通知',
        issuer,
        number: '国办发明电〔2019〕16号',
        publishedOn: '2019-11-21',
        url: 'https://www.gov.cn/zhengce/content/2019-11/21/content_5454164.htm',
      },
      holidays: [
        { date: '2020-01-01', name: '元旦' },
        { from: '2020-01-24', to: '2020-01-30', name: '春节' },
        { from: '2020-04-04', to: '2020-04-06', name: '清明节' },
        { from: '2020-05-01', to: '2020-05-05', name: '劳动节' },
        { from: '2020-06-25', to: '2020-06-27', name: '端午节' },
        { from: '2020-10-01', to: '2020-10-08', name: '国庆节、中秋节' },
      ],
      workdays: [
        { date: '2020-01-19', name: '春节' },
        { date: '2020-02-01', name: '春节' },
        { date: '2020-04-26', name: '劳动节' },
        { date: '2020-05-09', name: '劳动节' },
        { date: '2020-06-28', name: '端午节' },
        { date: '2020-09-27', name: '国庆节、中秋节' },
        { date: '2020-10-10', name: '国庆节、中秋节' },
      ],
      amendments: [
        {
          // Signed 2020-01-26, released by Xinhua on 2020-01-27. Extends the Spring Festival to
          // Sunday 2020-02-02, which also cancels the make-up workday of Saturday 2020-02-01.
          source: {
            title: '国务院办公厅关于延长2020年春节假期的通知',
            issuer,
            number: '国办发明电〔2020〕1号',
            publishedOn: '2020-01-27',
            url: 'https://www.gov.cn/zhengce/content/2020-01/27/content_5472352.htm',
          },
          holidays: [{ from: '2020-01-31', to: '2020-02-02', name: '春节（延长）' }],
          workdays: [],
        },
      ],
    },
    {
      year: 2021,
      source: {
        title: '国务院办公厅关于2021年部分节假日安排的通知',
        issuer,
        number: '国办发明电〔2020〕27号',
        publishedOn: '2020-11-25',
        url: 'https://www.gov.cn/zhengce/content/2020-11/25/content_5564127.htm',
      },
      holidays: [
        { from: '2021-01-01', to: '2021-01-03', name: '元旦' },
        { from: '2021-02-11', to: '2021-02-17', name: '春节' },
        { from: '2021-04-03', to: '2021-04-05', name: '清明节' },
        { from: '2021-05-01', to: '2021-05-05', name: '劳动节' },
        { from: '2021-06-12', to: '2021-06-14', name: '端午节' },
        { from: '2021-09-19', to: '2021-09-21', name: '中秋节' },
        { from: '2021-10-01', to: '2021-10-07', name: '国庆节' },
      ],
      workdays: [
        { date: '2021-02-07', name: '春节' },
        { date: '2021-02-20', name: '春节' },
        { date: '2021-04-25', name: '劳动节' },
        { date: '2021-05-08', name: '劳动节' },
        { date: '2021-09-18', name: '中秋节' },
        { date: '2021-09-26', name: '国庆节' },
        { date: '2021-10-09', name: '国庆节' },
      ],
    },
    {
      year: 2022,
      source: {
        title: '国务院办公厅关于2022年部分节假日安排的通知',
        issuer,
        number: '国办发明电〔2021〕11号',
        publishedOn: '2021-10-25',
        url: 'https://www.gov.cn/zhengce/content/2021-10/25/content_5644835.htm',
      },
      holidays: [
        { from: '2022-01-01', to: '2022-01-03', name: '元旦' },
        { from: '2022-01-31', to: '2022-02-06', name: '春节' },
        { from: '2022-04-03', to: '2022-04-05', name: '清明节' },
        { from: '2022-04-30', to: '2022-05-04', name: '劳动节' },
        { from: '2022-06-03', to: '2022-06-05', name: '端午节' },
        { from: '2022-09-10', to: '2022-09-12', name: '中秋节' },
        { from: '2022-10-01', to: '2022-10-07', name: '国庆节' },
      ],
      workdays: [
        { date: '2022-01-29', name: '春节' },
        { date: '2022-01-30', name: '春节' },
        { date: '2022-04-02', name: '清明节' },
        { date: '2022-04-24', name: '劳动节' },
        { date: '2022-05-07', name: '劳动节' },
        { date: '2022-10-08', name: '国庆节' },
        { date: '2022-10-09', name: '国庆节' },
      ],
    },
    {
      year: 2023,
      source: {
        title: '国务院办公厅关于2023年部分节假日安排的通知',
        issuer,
        number: '国办发明电〔2022〕16号',
        publishedOn: '2022-12-08',
        url: 'https://www.gov.cn/zhengce/content/2022-12/08/content_5730844.htm',
      },
      holidays: [
        { from: '2022-12-31', to: '2023-01-02', name: '元旦' },
        { from: '2023-01-21', to: '2023-01-27', name: '春节' },
        { date: '2023-04-05', name: '清明节' },
        { from: '2023-04-29', to: '2023-05-03', name: '劳动节' },
        { from: '2023-06-22', to: '2023-06-24', name: '端午节' },
        { from: '2023-09-29', to: '2023-10-06', name: '中秋节、国庆节' },
      ],
      workdays: [
        { date: '2023-01-28', name: '春节' },
        { date: '2023-01-29', name: '春节' },
        { date: '2023-04-23', name: '劳动节' },
        { date: '2023-05-06', name: '劳动节' },
        { date: '2023-06-25', name: '端午节' },
        { date: '2023-10-07', name: '中秋节、国庆节' },
        { date: '2023-10-08', name: '中秋节、国庆节' },
      ],
    },
    {
      year: 2024,
      source: {
        title: '国务院办公厅关于2024年部分节假日安排的通知',
        issuer,
        number: '国办发明电〔2023〕7号',
        publishedOn: '2023-10-25',
        url: 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm',
      },
      holidays: [
        { date: '2024-01-01', name: '元旦' },
        { from: '2024-02-10', to: '2024-02-17', name: '春节' },
        { from: '2024-04-04', to: '2024-04-06', name: '清明节' },
        { from: '2024-05-01', to: '2024-05-05', name: '劳动节' },
        { date: '2024-06-10', name: '端午节' },
        { from: '2024-09-15', to: '2024-09-17', name: '中秋节' },
        { from: '2024-10-01', to: '2024-10-07', name: '国庆节' },
      ],
      workdays: [
        { date: '2024-02-04', name: '春节' },
        { date: '2024-02-18', name: '春节' },
        { date: '2024-04-07', name: '清明节' },
        { date: '2024-04-28', name: '劳动节' },
        { date: '2024-05-11', name: '劳动节' },
        { date: '2024-09-14', name: '中秋节' },
        { date: '2024-09-29', name: '国庆节' },
        { date: '2024-10-12', name: '国庆节' },
      ],
    },
    {
      year: 2025,
      source: {
        title: '国务院办公厅关于2025年部分节假日安排的通知',
        issuer,
        number: '国办发明电〔2024〕12号',
        publishedOn: '2024-11-12',
        url: 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm',
      },
      holidays: [
        { date: '2025-01-01', name: '元旦' },
        { from: '2025-01-28', to: '2025-02-04', name: '春节' },
        { from: '2025-04-04', to: '2025-04-06', name: '清明节' },
        { from: '2025-05-01', to: '2025-05-05', name: '劳动节' },
        { from: '2025-05-31', to: '2025-06-02', name: '端午节' },
        { from: '2025-10-01', to: '2025-10-08', name: '国庆节、中秋节' },
      ],
      workdays: [
        { date: '2025-01-26', name: '春节' },
        { date: '2025-02-08', name: '春节' },
        { date: '2025-04-27', name: '劳动节' },
        { date: '2025-09-28', name: '国庆节、中秋节' },
        { date: '2025-10-11', name: '国庆节、中秋节' },
      ],
    },
    {
      year: 2026,
      source: {
        title: '国务院办公厅关于2026年部分节假日安排的通知',
        issuer,
        publishedOn: '2025-11-04',
        url: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
      },
      holidays: [
        { from: '2026-01-01', to: '2026-01-03', name: '元旦' },
        { from: '2026-02-15', to: '2026-02-23', name: '春节' },
        { from: '2026-04-04', to: '2026-04-06', name: '清明节' },
        { from: '2026-05-01', to: '2026-05-05', name: '劳动节' },
        { from: '2026-06-19', to: '2026-06-21', name: '端午节' },
        { from: '2026-09-25', to: '2026-09-27', name: '中秋节' },
        { from: '2026-10-01', to: '2026-10-07', name: '国庆节' },
      ],
      workdays: [
        { date: '2026-01-04', name: '元旦' },
        { date: '2026-02-14', name: '春节' },
        { date: '2026-02-28', name: '春节' },
        { date: '2026-05-09', name: '劳动节' },
        { date: '2026-09-20', name: '国庆节' },
        { date: '2026-10-10', name: '国庆节' },
      ],
    },
  ],
};
